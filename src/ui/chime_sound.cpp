#include "ui/chime_sound.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QSoundEffect>
#include <QStandardPaths>
#include <QUrl>
#include <QtEndian>

#include <cmath>

namespace kiosk::ui {

namespace {

void put16(QByteArray &out, quint16 value) {
    char bytes[2];
    qToLittleEndian(value, bytes);
    out.append(bytes, 2);
}

void put32(QByteArray &out, quint32 value) {
    char bytes[4];
    qToLittleEndian(value, bytes);
    out.append(bytes, 4);
}

} // namespace

ChimeSound::ChimeSound(QObject *parent)
    : QObject(parent) {}

ChimeSound::~ChimeSound() = default;

QByteArray ChimeSound::wave() {
    constexpr int rate = 22050;
    constexpr double seconds = 0.7;
    const int samples = int(rate * seconds);
    QByteArray pcm;
    pcm.reserve(samples * 2);
    for (int i = 0; i < samples; ++i) {
        const double t = double(i) / rate;
        // The second note starts at 0.25 s; each fades out on its own.
        double value = std::sin(2 * M_PI * 1318.5 * t) * std::exp(-t * 6.0);
        if (t >= 0.25)
            value += std::sin(2 * M_PI * 987.8 * (t - 0.25)) * std::exp(-(t - 0.25) * 5.0);
        const double attack = qMin(1.0, t / 0.005); // no click at the start
        put16(pcm, quint16(qint16(qBound(-1.0, value * 0.35 * attack, 1.0) * 32767)));
    }
    QByteArray out("RIFF");
    put32(out, quint32(36 + pcm.size()));
    out.append("WAVEfmt ");
    put32(out, 16);
    put16(out, 1); // PCM
    put16(out, 1); // mono
    put32(out, rate);
    put32(out, rate * 2);
    put16(out, 2);
    put16(out, 16);
    out.append("data");
    put32(out, quint32(pcm.size()));
    out.append(pcm);
    return out;
}

bool ChimeSound::play() {
    if (!m_effect) {
        const QString folder = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
        QDir().mkpath(folder);
        m_path = QDir(folder).filePath(QStringLiteral("dose-chime.wav"));
        const QByteArray data = wave();
        QFile existing(m_path);
        if (!existing.open(QIODevice::ReadOnly) || existing.readAll() != data) {
            existing.close();
            QSaveFile file(m_path);
            if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() ||
                !file.commit())
                return false;
        }
        m_effect = new QSoundEffect(this);
        m_effect->setSource(QUrl::fromLocalFile(m_path));
        m_effect->setVolume(0.8);
    }
    ++m_playCount;
    m_effect->play();
    return true;
}

} // namespace kiosk::ui
