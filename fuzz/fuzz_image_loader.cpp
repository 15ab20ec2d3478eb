// libFuzzer target: arbitrary bytes through the image loader (header probe, bounds, decode).
#include "ocr/image_loader.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray bytes =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto result = kiosk::ocr::ImageLoader::decode(bytes);
    if (result.ok() &&
        (result.image.empty() || result.image.cols > kiosk::ocr::ImageLoader::kMaxWorkingSide ||
         result.image.rows > kiosk::ocr::ImageLoader::kMaxWorkingSide))
        __builtin_trap(); // a success must always be a bounded, non-empty image
    return 0;
}
