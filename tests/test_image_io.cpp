// PNG writing/reading (orientation, atomic writes, errors) and image comparison.
#include "image_io.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace subterra;

namespace {

const std::string kOutput = SUBTERRA_TEST_OUTPUT_DIR;

// A 2x2 RGB PNG made by hand (Python's zlib): top row red, green; bottom row blue, white.
// It pins readPng's orientation independently of writePng.
const unsigned char kTwoByTwoPng[] = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00,
    0x02, 0x00, 0x00, 0x00, 0x02, 0x08, 0x02, 0x00, 0x00, 0x00, 0xfd, 0xd4, 0x9a, 0x73, 0x00, 0x00, 0x00, 0x12, 0x49,
    0x44, 0x41, 0x54, 0x78, 0xda, 0x63, 0xf8, 0xcf, 0xc0, 0xc0, 0x00, 0xc2, 0x0c, 0xff, 0x81, 0x00, 0x00, 0x1f, 0xee,
    0x05, 0xfb, 0xf1, 0xab, 0xba, 0x77, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};

void writeBytes(const std::string& path, const unsigned char* bytes, size_t size) {
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes), static_cast<std::streamsize>(size));
}

// An OSG-style (bottom-up) RGBA image where every pixel differs, addressed from the top.
osg::ref_ptr<osg::Image> gradientImage(int width, int height) {
    osg::ref_ptr<osg::Image> image = new osg::Image;
    image->allocateImage(width, height, 1, GL_RGBA, GL_UNSIGNED_BYTE);
    for (int yFromTop = 0; yFromTop < height; ++yFromTop)
        for (int x = 0; x < width; ++x) {
            unsigned char* p = image->data(x, height - 1 - yFromTop);
            p[0] = static_cast<unsigned char>(x * 20);
            p[1] = static_cast<unsigned char>(yFromTop * 30);
            p[2] = static_cast<unsigned char>(255 - x - yFromTop);
            p[3] = 255;
        }
    return image;
}

bool samePixels(const osg::Image& a, const osg::Image& b) {
    if (a.s() != b.s() || a.t() != b.t()) return false;
    for (int y = 0; y < a.t(); ++y)
        for (int x = 0; x < a.s(); ++x)
            if (pixelAt(a, x, y) != pixelAt(b, x, y)) return false;
    return true;
}

}  // namespace

TEST_CASE("image_io: readPng puts the PNG's top row at the top", "[image]") {
    const std::string path = kOutput + "/two_by_two.png";
    writeBytes(path, kTwoByTwoPng, sizeof kTwoByTwoPng);
    std::string error;
    osg::ref_ptr<osg::Image> image = readPng(path, error);
    INFO(error);
    REQUIRE(image);
    CHECK(pixelAt(*image, 0, 0) == osg::Vec4ub(255, 0, 0, 255));
    CHECK(pixelAt(*image, 1, 0) == osg::Vec4ub(0, 255, 0, 255));
    CHECK(pixelAt(*image, 0, 1) == osg::Vec4ub(0, 0, 255, 255));
    CHECK(pixelAt(*image, 1, 1) == osg::Vec4ub(255, 255, 255, 255));
}

TEST_CASE("image_io: writePng then readPng keeps every pixel where it was", "[image]") {
    const std::string path = kOutput + "/round_trip.png";
    osg::ref_ptr<osg::Image> original = gradientImage(7, 5);
    std::string error;
    REQUIRE(writePng(*original, path).into(error));
    CHECK_FALSE(std::filesystem::exists(path + ".tmp"));
    osg::ref_ptr<osg::Image> back = readPng(path, error);
    INFO(error);
    REQUIRE(back);
    CHECK(samePixels(*original, *back));
    CHECK(compareImages(*original, *back, 0).maxDiff == 0);
}

TEST_CASE("image_io: a top-down image is written the right way up too", "[image]") {
    osg::ref_ptr<osg::Image> bottomUp = gradientImage(4, 3);
    osg::ref_ptr<osg::Image> topDown = new osg::Image(*bottomUp, osg::CopyOp::DEEP_COPY_ALL);
    topDown->flipVertical();
    topDown->setOrigin(osg::Image::TOP_LEFT);
    REQUIRE(samePixels(*bottomUp, *topDown));
    const std::string path = kOutput + "/top_down.png";
    std::string error;
    REQUIRE(writePng(*topDown, path).into(error));
    osg::ref_ptr<osg::Image> back = readPng(path, error);
    REQUIRE(back);
    CHECK(samePixels(*bottomUp, *back));
}

TEST_CASE("image_io: compareImages measures a changed region", "[image]") {
    osg::ref_ptr<osg::Image> a = gradientImage(64, 64);
    osg::ref_ptr<osg::Image> b = new osg::Image(*a, osg::CopyOp::DEEP_COPY_ALL);
    const ImageDiff same = compareImages(*a, *b, 0);
    CHECK(same.meanAbsDiff == 0);
    CHECK(same.maxDiff == 0);
    CHECK(same.fractionOver == 0);
    CHECK_FALSE(same.sizeMismatch);

    for (int y = 10; y < 18; ++y)
        for (int x = 20; x < 28; ++x) b->data(x, y)[2] -= 100;  // blue is >= 163 here
    const ImageDiff changed = compareImages(*a, *b, 50);
    CHECK(changed.maxDiff == 100);
    CHECK(changed.fractionOver == Approx(64.0 / (64 * 64)));
    CHECK(changed.meanAbsDiff == Approx(64.0 * 100 / (3 * 64 * 64)));
    CHECK(compareImages(*a, *b, 100).fractionOver == 0);  // threshold is "more than"
}

TEST_CASE("image_io: with a shift tolerance an edge moved by one pixel is no change, a thicker bar is", "[image]") {
    // A black 4 px wide vertical bar on white, then the same bar one pixel to the right, then 8 px wide.
    auto bar = [](int left, int width) {
        osg::ref_ptr<osg::Image> image = new osg::Image;
        image->allocateImage(40, 20, 1, GL_RGB, GL_UNSIGNED_BYTE);
        for (int y = 0; y < 20; ++y)
            for (int x = 0; x < 40; ++x) std::fill_n(image->data(x, y), 3, x >= left && x < left + width ? 0 : 255);
        return image;
    };
    const auto reference = bar(10, 4), moved = bar(11, 4), thicker = bar(8, 8);
    CHECK(compareImages(*reference, *moved, 24).pixelsOver == 2 * 20);  // without tolerance: both edges
    CHECK(compareImages(*reference, *moved, 24, 1).pixelsOver == 0);
    // The bar grew by two columns each side: all four are changes (the outer black one has no black
    // near it in the reference, the inner white one of the reference no white near it in the bar).
    CHECK(compareImages(*reference, *thicker, 24, 1).pixelsOver == 4 * 20);
    CHECK(compareImages(*thicker, *reference, 24, 1).pixelsOver == 4 * 20);  // symmetric
}

TEST_CASE("image_io: compareImages reports different sizes", "[image]") {
    const ImageDiff diff = compareImages(*gradientImage(64, 64), *gradientImage(64, 32), 10);
    CHECK(diff.sizeMismatch);
    CHECK(diff.fractionOver == 1);
}

TEST_CASE("image_io: compareImages ignores alpha and pixel layout", "[image]") {
    osg::ref_ptr<osg::Image> rgba = gradientImage(5, 4);
    osg::ref_ptr<osg::Image> rgb = new osg::Image;
    rgb->allocateImage(5, 4, 1, GL_RGB, GL_UNSIGNED_BYTE);
    for (int y = 0; y < 4; ++y)
        for (int x = 0; x < 5; ++x) {
            std::copy(rgba->data(x, y), rgba->data(x, y) + 3, rgb->data(x, y));
            rgba->data(x, y)[3] = 10;
        }
    CHECK(compareImages(*rgba, *rgb, 0).maxDiff == 0);
}

TEST_CASE("image_io: writePng into a missing directory says which path and why", "[image]") {
    const std::string path = kOutput + "/no/such/dir/frame.png";
    std::string error;
    CHECK_FALSE(writePng(*gradientImage(4, 4), path).into(error));
    CHECK_THAT(error, Catch::StartsWith("cannot write PNG " + path + ": "));
    CHECK_THAT(error, Catch::Contains("No such file or directory"));
}

TEST_CASE("image_io: writePng refuses an empty image instead of crashing in libpng", "[image]") {
    osg::ref_ptr<osg::Image> empty = new osg::Image;
    std::string error;
    CHECK_FALSE(writePng(*empty, kOutput + "/empty.png").into(error));
    CHECK_THAT(error, Catch::Contains("the image is empty"));
}

TEST_CASE("image_io: readPng reports missing and foreign and damaged files", "[image]") {
    std::string error;
    SECTION("missing") {
        const std::string path = kOutput + "/missing.png";
        CHECK_FALSE(readPng(path, error));
        CHECK(error == "cannot read PNG " + path + ": No such file or directory");
    }
    SECTION("not a PNG") {
        const std::string path = kOutput + "/text.png";
        writeBytes(path, reinterpret_cast<const unsigned char*>("hello"), 5);
        CHECK_FALSE(readPng(path, error));
        CHECK_THAT(error, Catch::Contains("not a PNG file"));
    }
    SECTION("cut short") {
        const std::string path = kOutput + "/truncated.png";
        writeBytes(path, kTwoByTwoPng, 45);
        CHECK_FALSE(readPng(path, error));
        CHECK_THAT(error, Catch::Contains(path));
    }
}
