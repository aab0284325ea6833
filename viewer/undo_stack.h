#pragma once
// Undo and redo of the viewer's annotation edits. Each edit keeps the whole annotation state from
// before it: annotations are small (kilobytes), and a snapshot cannot get out of step with the
// edit the way a hand-written inverse can.
#include <optional>
#include <string>
#include <vector>

#include "annotations.h"

namespace subterra {

class UndoStack {
public:
    explicit UndoStack(size_t limit = 200) : limit_(limit) {}

    // Call before an edit with the state it changes; forgets what could be redone.
    void push(const std::string& what, Annotations before);

    bool canUndo() const { return !undo_.empty(); }
    bool canRedo() const { return !redo_.empty(); }
    // "Undo add callout": what the next undo or redo reverts ("" when none).
    std::string undoLabel() const { return undo_.empty() ? "" : undo_.back().what; }
    std::string redoLabel() const { return redo_.empty() ? "" : redo_.back().what; }

    // The state to go back to; `current` is kept for redo. nullopt when there is nothing to undo.
    std::optional<Annotations> undo(Annotations current);
    // The state to go forward to; `current` is kept for undo.
    std::optional<Annotations> redo(Annotations current);
    void clear();

private:
    struct Entry {
        std::string what;
        Annotations state;
    };
    static std::optional<Annotations> step(std::vector<Entry>& from, std::vector<Entry>& to, Annotations current);
    std::vector<Entry> undo_, redo_;
    size_t limit_;
};

}  // namespace subterra
