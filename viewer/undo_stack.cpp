#include "undo_stack.h"

namespace subterra {

void UndoStack::push(const std::string& what, Annotations before) {
    undo_.push_back({what, std::move(before)});
    if (undo_.size() > limit_) undo_.erase(undo_.begin());
    redo_.clear();
}

// Takes the last state of `from`, leaving `current` on `to` under the same edit name.
std::optional<Annotations> UndoStack::step(std::vector<Entry>& from, std::vector<Entry>& to, Annotations current) {
    if (from.empty()) return std::nullopt;
    Entry entry = std::move(from.back());
    from.pop_back();
    to.push_back({entry.what, std::move(current)});
    return std::move(entry.state);
}

std::optional<Annotations> UndoStack::undo(Annotations current) { return step(undo_, redo_, std::move(current)); }

std::optional<Annotations> UndoStack::redo(Annotations current) { return step(redo_, undo_, std::move(current)); }

void UndoStack::clear() {
    undo_.clear();
    redo_.clear();
}

}  // namespace subterra
