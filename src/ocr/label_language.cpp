#include "ocr/label_language.h"

#include <QRegularExpression>
#include <QSet>
#include <QStringList>

namespace kiosk::ocr {

QString LabelLanguage::fold(const QString &text) {
    const QString decomposed = text.normalized(QString::NormalizationForm_D);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() != QChar::Mark_NonSpacing)
            out.append(c.toLower());
    }
    return out;
}

LabelLanguage::Language LabelLanguage::detect(const QString &text) {
    // Words a label's directions and keys use in one language and not the other; a word common
    // to both ("use", "inhale", "oral", "con") says nothing.
    static const QSet<QString> spanish = {
        QStringLiteral("tome"),         QStringLiteral("tomar"),      QStringLiteral("tableta"),
        QStringLiteral("tabletas"),     QStringLiteral("comprimido"), QStringLiteral("comprimidos"),
        QStringLiteral("capsula"),      QStringLiteral("capsulas"),   QStringLiteral("via"),
        QStringLiteral("vez"),          QStringLiteral("veces"),      QStringLiteral("cada"),
        QStringLiteral("horas"),        QStringLiteral("dia"),        QStringLiteral("dias"),
        QStringLiteral("al"),           QStringLiteral("por"),        QStringLiteral("aplique"),
        QStringLiteral("gotas"),        QStringLiteral("manana"),     QStringLiteral("noche"),
        QStringLiteral("acostarse"),    QStringLiteral("alimentos"),  QStringLiteral("comidas"),
        QStringLiteral("necesario"),    QStringLiteral("dolor"),      QStringLiteral("cantidad"),
        QStringLiteral("resurtidos"),   QStringLiteral("receta"),     QStringLiteral("farmacia"),
        QStringLiteral("paciente"),     QStringLiteral("medico"),     QStringLiteral("recetado"),
        QStringLiteral("repeticiones"), QStringLiteral("semana"),     QStringLiteral("una"),
        QStringLiteral("dos"),          QStringLiteral("tres"),       QStringLiteral("fecha")};
    static const QSet<QString> english = {
        QStringLiteral("take"),     QStringLiteral("tablet"),   QStringLiteral("tablets"),
        QStringLiteral("capsule"),  QStringLiteral("capsules"), QStringLiteral("by"),
        QStringLiteral("mouth"),    QStringLiteral("times"),    QStringLiteral("every"),
        QStringLiteral("hours"),    QStringLiteral("daily"),    QStringLiteral("day"),
        QStringLiteral("apply"),    QStringLiteral("drops"),    QStringLiteral("morning"),
        QStringLiteral("bedtime"),  QStringLiteral("food"),     QStringLiteral("meals"),
        QStringLiteral("needed"),   QStringLiteral("pain"),     QStringLiteral("qty"),
        QStringLiteral("quantity"), QStringLiteral("refills"),  QStringLiteral("pharmacy"),
        QStringLiteral("patient"),  QStringLiteral("doctor"),   QStringLiteral("prescribed"),
        QStringLiteral("week"),     QStringLiteral("one"),      QStringLiteral("two"),
        QStringLiteral("the"),      QStringLiteral("with"),     QStringLiteral("date")};
    static const QRegularExpression separators(QStringLiteral("[^a-z]+"));
    int es = 0, en = 0;
    for (const QString &word : fold(text).split(separators, Qt::SkipEmptyParts)) {
        es += spanish.contains(word) ? 1 : 0;
        en += english.contains(word) ? 1 : 0;
    }
    return es > en ? Language::Spanish : Language::English;
}

QString LabelLanguage::code(Language language) {
    return language == Language::Spanish ? QStringLiteral("es") : QStringLiteral("en");
}

} // namespace kiosk::ocr
