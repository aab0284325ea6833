#include "find_view.h"

#include <cstdio>

namespace subterra {

void runFind(SceneSession& session, FindView& find, const std::string& query, double aspect) {
    std::snprintf(find.query, sizeof find.query, "%s", query.c_str());  // the box shows what was searched
    find.result = searchFeatures(session.model(), query);
    find.searched = true;
    session.markFeatures(find.result.hits);  // empty on an error: the marks of an earlier search go
    if (find.result.hits.size() != 1) return;
    const SearchHit& hit = find.result.hits.front();
    session.select(hit.layer, hit.id, hit.kind);
    session.focusSelection(aspect);
}

void clearFind(SceneSession& session, FindView& find) {
    find = FindView{};
    session.markFeatures({});
}

}  // namespace subterra
