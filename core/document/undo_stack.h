#pragma once
// Undo and redo of the viewer's edits (annotations, cuts). Each edit keeps the whole edited state
// from before it: that state is small (kilobytes), and a snapshot cannot get out of step with the
// edit the way a hand-written inverse can.
#include <optional>
#include <string>
#include <vector>

namespace subterra {

template <typename State>
class UndoStack {
  public:
    explicit UndoStack(size_t limit = 200) : limit_(limit) {}

    // Call before an edit with the state it changes; forgets what could be redone.
    void push(const std::string& what, State before) {
        undo_.push_back({what, std::move(before)});
        if (undo_.size() > limit_) undo_.erase(undo_.begin());
        redo_.clear();
    }

    bool canUndo() const { return !undo_.empty(); }
    bool canRedo() const { return !redo_.empty(); }
    // "Undo add callout": what the next undo or redo reverts ("" when none).
    std::string undoLabel() const { return undo_.empty() ? "" : undo_.back().what; }
    std::string redoLabel() const { return redo_.empty() ? "" : redo_.back().what; }

    // The state to go back to; `current` is kept for redo. nullopt when there is nothing to undo.
    std::optional<State> undo(State current) { return step(undo_, redo_, std::move(current)); }
    // The state to go forward to; `current` is kept for undo.
    std::optional<State> redo(State current) { return step(redo_, undo_, std::move(current)); }
    void clear() {
        undo_.clear();
        redo_.clear();
    }

  private:
    struct Entry {
        std::string what;
        State state;
    };
    // Takes the last state of `from`, leaving `current` on `to` under the same edit name.
    static std::optional<State> step(std::vector<Entry>& from, std::vector<Entry>& to, State current) {
        if (from.empty()) return std::nullopt;
        Entry entry = std::move(from.back());
        from.pop_back();
        to.push_back({entry.what, std::move(current)});
        return std::move(entry.state);
    }
    std::vector<Entry> undo_, redo_;
    size_t limit_;
};

}  // namespace subterra
