#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

class QSoundEffect;

namespace kiosk::ui {

// The reminder's chime: a short two-note WAV made here (no sound file in the repository),
// written once to the cache folder and played with Qt Multimedia's QSoundEffect.
class ChimeSound : public QObject {
    Q_OBJECT
public:
    explicit ChimeSound(QObject *parent = nullptr);
    ~ChimeSound() override;

    // 16-bit mono PCM at 22.05 kHz: two notes (E6 then B5), 0.7 s with a soft decay.
    static QByteArray wave();
    // Plays it (the file is written on first use); false when there is no audio output to use.
    bool play();
    int playCount() const { return m_playCount; }
    QString filePath() const { return m_path; }

private:
    QSoundEffect *m_effect = nullptr;
    QString m_path;
    int m_playCount = 0;
};

} // namespace kiosk::ui
