#pragma once
// OpenSceneGraph prints its notices (NaN warnings among them) on stdout by default, mixed with
// what commands print there for scripts (the written file's path, `info --json`): every OSG
// message goes to stderr instead.
namespace subterra {

void sendOsgMessagesToStderr();

}  // namespace subterra
