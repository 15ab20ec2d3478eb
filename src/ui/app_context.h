#pragma once

#include <QObject>
#include <QSettings>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace kiosk::ui {

// What every page needs to know about this run: version, demo/kiosk mode, where the AI Brain is.
// Created by main() and handed to Main.qml as an initial property.
class AppContext : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString version READ version CONSTANT)
    Q_PROPERTY(QString qtVersion READ qtVersion CONSTANT)
    Q_PROPERTY(bool demo READ demo WRITE setDemo NOTIFY modeChanged)
    Q_PROPERTY(bool kiosk READ kiosk WRITE setKiosk NOTIFY modeChanged)
    Q_PROPERTY(QString aiBrainUrl READ aiBrainUrl NOTIFY aiBrainUrlChanged)
    Q_PROPERTY(QString dataLocation READ dataLocation CONSTANT)
    // Medical data kept to a minimum: a saved medication keeps no label photo.
    Q_PROPERTY(bool forgetPhotosAfterSave READ forgetPhotosAfterSave WRITE setForgetPhotosAfterSave
                   NOTIFY forgetPhotosAfterSaveChanged)

public:
    explicit AppContext(QObject *parent = nullptr);
    AppContext(std::unique_ptr<QSettings> settings, QObject *parent = nullptr);
    ~AppContext() override;

    QString version() const;
    QString qtVersion() const;
    bool demo() const { return m_demo; }
    void setDemo(bool demo);
    bool kiosk() const { return m_kiosk; }
    void setKiosk(bool kiosk);

    QString aiBrainUrl() const { return m_aiBrainUrl; }
    // Stores a valid http(s) URL, or clears it when empty; returns the error text, empty on
    // success.
    Q_INVOKABLE QString setAiBrainUrl(const QString &url);
    static QString validateServiceUrl(const QString &url);

    QString dataLocation() const;
    bool forgetPhotosAfterSave() const { return m_forgetPhotos; }
    void setForgetPhotosAfterSave(bool forget);

signals:
    void modeChanged();
    void aiBrainUrlChanged();
    void forgetPhotosAfterSaveChanged();

private:
    std::unique_ptr<QSettings> m_settings;
    bool m_demo = false;
    bool m_kiosk = false;
    QString m_aiBrainUrl;
    bool m_forgetPhotos = false;
};

} // namespace kiosk::ui
