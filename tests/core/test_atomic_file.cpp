// Atomic writes (core/document/atomic_file.h): the target is either the old file or the new one.
#include <catch2/catch.hpp>

#include <filesystem>

#include "atomic_file.h"
#include "fixtures.h"

using namespace subterra;
namespace fs = std::filesystem;

TEST_CASE("atomic_file: writes a new file and leaves no temporary behind", "[atomic]") {
    const std::string path = fixtures::freshDir("atomic_new") + "/out.txt";
    const Status written = writeFileAtomically(path, "hello\n");
    REQUIRE(written.ok());
    CHECK(fixtures::readFile(path) == "hello\n");
    CHECK_FALSE(fs::exists(path + ".tmp"));
    CHECK_FALSE(fs::exists(path + ".bak"));  // asked for no backup
}

TEST_CASE("atomic_file: a replaced file is kept as .bak when asked", "[atomic]") {
    const std::string path = fixtures::freshDir("atomic_backup") + "/project.json";
    fixtures::writeText(path, "first\n");
    REQUIRE(writeFileAtomically(path, "second\n", {/*keepBackup=*/true}).ok());
    CHECK(fixtures::readFile(path) == "second\n");
    CHECK(fixtures::readFile(path + ".bak") == "first\n");
}

TEST_CASE("atomic_file: a writer that fails leaves the old file as it was", "[atomic]") {
    const std::string path = fixtures::freshDir("atomic_failure") + "/frame.png";
    fixtures::writeText(path, "complete old frame");
    const Status written = replaceFileAtomically(path, [&](const std::string& temporary) {
        fixtures::writeText(temporary, "half a fr");  // what a writer killed mid-way leaves
        return Status::failure(path + ": disk full");
    });
    CHECK_FALSE(written.ok());
    CHECK(written.error() == path + ": disk full");
    CHECK(fixtures::readFile(path) == "complete old frame");
    CHECK_FALSE(fs::exists(path + ".tmp"));
}

TEST_CASE("atomic_file: a missing folder is an error naming the path", "[atomic]") {
    const std::string path = fixtures::freshDir("atomic_missing") + "/no/such/dir/out.txt";
    const Status written = writeFileAtomically(path, "x");
    CHECK_FALSE(written.ok());
    CHECK_THAT(written.error(),
               Catch::StartsWith(path + ": cannot write (") && Catch::Contains("No such file or directory"));
    std::string error;
    CHECK_FALSE(written.into(error));
    CHECK(error == written.error());
}
