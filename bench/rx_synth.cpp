// rx_synth: renders prescription labels in layouts the dev set does not use (drug-first retail
// label, two-column label, pad with "Rx:" lines) with other drugs and people, then photographs
// them in software (perspective, rotation, uneven and dim light, glare, blur, noise, JPEG).
// Writes NNNN.jpg + NNNN.json (ground truth in the rx-eval shape) for ocr_eval.
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFont>
#include <QGuiApplication>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QRandomGenerator>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cstdio>

namespace {

struct Sig {
    const char *printed;
    const char *expanded;
    const char *schedule;
    int timesPerDay; // 0: null
    bool asNeeded;
};

const Sig kSigs[] = {
    {"Take 1 tablet by mouth once daily", "Take 1 tablet by mouth once daily", "once daily", 1, false},
    {"Take one tablet by mouth twice a day with food", "Take one tablet by mouth twice a day with food", "twice daily", 2, false},
    {"1 tab PO TID", "Take one tablet by mouth three times daily", "three times daily", 3, false},
    {"Take 1 capsule by mouth at bedtime", "Take 1 capsule by mouth at bedtime", "at bedtime", 1, false},
    {"1 cap PO Q12H", "Take one capsule by mouth every 12 hours", "every 12 hours", 2, false},
    {"Take one tablet by mouth every 4 hours as needed for pain", "Take one tablet by mouth every 4 hours as needed for pain", "every 4 hours as needed", 0, true},
    {"2 tab PO QID", "Take two tablets by mouth four times daily", "four times daily", 4, false},
    {"Take 1 tablet by mouth every morning", "Take 1 tablet by mouth every morning", "every morning", 1, false},
    {"Take one tablet by mouth once a week", "Take one tablet by mouth once a week", "once weekly", 0, false},
    {"1 tab PO PRN anxiety", "Take one tablet by mouth as needed for anxiety", "as needed", 0, true},
};

struct Drug {
    const char *name;
    const char *strength;
    const char *form;
};

const Drug kDrugs[] = {
    {"Lisinopril", "10 mg", "tablet"},   {"Atorvastatin", "20 mg", "tablet"}, {"Hydrochlorothiazide", "25 mg", "tablet"},
    {"Clopidogrel", "75 mg", "tablet"},  {"Citalopram", "20 mg", "tablet"},   {"Glipizide", "5 mg", "tablet"},
    {"Meloxicam", "15 mg", "tablet"},    {"Carvedilol", "6.25 mg", "tablet"}, {"Venlafaxine", "75 mg", "capsule"},
    {"Cyclobenzaprine", "10 mg", "tablet"}, {"Allopurinol", "100 mg", "tablet"}, {"Lamotrigine", "25 mg", "tablet"},
    {"Warfarin", "5 mg", "tablet"},      {"Spironolactone", "25 mg", "tablet"}, {"Cephalexin", "500 mg", "capsule"},
    {"Propranolol", "20 mg", "tablet"},  {"Quetiapine", "50 mg", "tablet"},   {"Famotidine", "20 mg", "tablet"},
    {"Buspirone", "10 mg", "tablet"},    {"Ondansetron", "4 mg", "tablet"},   {"Doxycycline", "100 mg", "capsule"},
    {"Finasteride", "5 mg", "tablet"},   {"Topiramate", "50 mg", "tablet"},   {"Apixaban", "5 mg", "tablet"},
};

const char *kFirst[] = {"Olivia", "Marcus", "Elena", "Tobias", "Hannah", "Diego", "Yuki", "Amara", "Peter", "Rosa", "Omar", "Chloe"};
const char *kLast[] = {"Bennett", "Alvarez", "Kowalczyk", "Osei", "Lindqvist", "Moreno", "Tanaka", "Dubois", "Harper", "Quinn", "Reyes", "Sato"};
const char *kPharmacies[] = {"Lakeside Pharmacy", "Maple Leaf Drugs", "Cornerstone Pharmacy", "Valley Health Rx", "Bayview Apothecary"};
const char *kTitles[] = {"MD", "DO", "NP", "PA-C"};

template <typename T, size_t N>
const T &pick(QRandomGenerator &rng, const T (&items)[N])
{
    return items[rng.bounded(int(N))];
}

QString name(QRandomGenerator &rng)
{
    return QStringLiteral("%1 %2").arg(QLatin1String(pick(rng, kFirst)), QLatin1String(pick(rng, kLast)));
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: rx_synth OUTPUT_DIR COUNT [SEED]\n");
        return 2;
    }
    const QDir out(args[1]);
    if (!QDir().mkpath(out.path())) {
        std::fprintf(stderr, "rx_synth: error: cannot create %s\n", qPrintable(out.path()));
        return 1;
    }
    const int count = args[2].toInt();
    QRandomGenerator rng(args.size() > 3 ? args[3].toUInt() : 7u);

    for (int n = 0; n < count; ++n) {
        const int layout = n % 3; // 0 retail drug-first, 1 two-column, 2 pad
        const int level = (n / 3) % 3;
        const Drug &drug = pick(rng, kDrugs);
        const Sig &sig = pick(rng, kSigs);
        const QString patient = name(rng);
        const QString prescriber = name(rng);
        const QString title = QLatin1String(pick(rng, kTitles));
        const QString pharmacy = QLatin1String(pick(rng, kPharmacies));
        const int quantity = 10 * (1 + int(rng.bounded(9)));
        const int refills = int(rng.bounded(6));
        const QString rxNumber = QString::number(1000000 + rng.bounded(8999999));
        const int month = 1 + int(rng.bounded(12)), day = 1 + int(rng.bounded(28));
        const QString date = QStringLiteral("%1/%2/2026").arg(month, 2, 10, QLatin1Char('0')).arg(day, 2, 10, QLatin1Char('0'));
        const QString form = QLatin1String(drug.form);
        const QString formPlural = form + QLatin1Char('s');

        const QSize size = layout == 2 ? QSize(1000, 1300) : QSize(1400, 760);
        QImage label(size, QImage::Format_RGB888);
        label.fill(QColor(250, 250, 246));
        QPainter p(&label);
        p.setRenderHint(QPainter::Antialiasing);
        p.setRenderHint(QPainter::TextAntialiasing);
        auto text = [&](int x, int y, int px, bool bold, const QString &s, const QString &family = QStringLiteral("DejaVu Sans")) {
            QFont f(family);
            f.setPixelSize(px);
            f.setBold(bold);
            p.setFont(f);
            p.drawText(x, y, s);
        };
        p.setPen(QColor(20, 20, 25));
        if (layout == 0) {
            text(60, 80, 40, true, QStringLiteral("%1 %2 %3").arg(QString::fromLatin1(drug.name).toUpper(), QString::fromLatin1(drug.strength).toUpper(), formPlural.toUpper()));
            text(60, 150, 30, false, QLatin1String(sig.printed));
            text(60, 230, 28, false, QStringLiteral("For: %1").arg(patient));
            text(60, 290, 26, false, QStringLiteral("Rx: %1").arg(rxNumber));
            text(700, 290, 26, false, QStringLiteral("Filled: %1").arg(date));
            text(60, 350, 26, false, QStringLiteral("Quantity: %1").arg(quantity));
            text(700, 350, 26, false, QStringLiteral("Refills: %1").arg(refills));
            text(60, 410, 26, false, QStringLiteral("Prescribed by: Dr. %1").arg(prescriber));
            p.fillRect(0, 600, size.width(), 160, QColor(30, 70, 140));
            p.setPen(Qt::white);
            text(60, 690, 44, true, pharmacy.toUpper());
        } else if (layout == 1) {
            p.setPen(QColor(120, 20, 20));
            text(50, 70, 38, true, pharmacy);
            p.setPen(QColor(20, 20, 25));
            p.drawLine(50, 95, 1350, 95);
            text(50, 160, 30, true, patient.toUpper());
            text(50, 230, 34, true, QStringLiteral("%1 %2 %3").arg(QLatin1String(drug.name), QLatin1String(drug.strength), form));
            text(50, 300, 28, false, QLatin1String(sig.printed));
            text(980, 160, 24, false, QStringLiteral("Rx # %1").arg(rxNumber));
            text(980, 220, 24, false, QStringLiteral("Date: %1").arg(date));
            text(980, 280, 24, false, QStringLiteral("Qty: %1").arg(quantity));
            text(980, 340, 24, false, QStringLiteral("Refills: %1").arg(refills));
            text(50, 420, 24, false, QStringLiteral("Prescriber: %1, %2").arg(prescriber, title));
        } else {
            text(70, 100, 44, false, QStringLiteral("%1, %2").arg(prescriber, title), QStringLiteral("DejaVu Serif"));
            text(70, 150, 22, false, QStringLiteral("Internal Medicine  -  22 River Rd, Salem, OR"));
            p.drawLine(70, 180, 930, 180);
            text(70, 240, 28, false, QStringLiteral("Name: %1").arg(patient));
            text(620, 240, 28, false, QStringLiteral("Date: %1").arg(date));
            text(70, 340, 60, false, QStringLiteral("Rx"), QStringLiteral("DejaVu Serif"));
            text(90, 430, 36, false, QStringLiteral("%1 %2 %3").arg(QLatin1String(drug.name), QLatin1String(drug.strength), formPlural), QStringLiteral("DejaVu Serif"));
            text(90, 500, 28, false, QStringLiteral("Sig: %1").arg(QLatin1String(sig.printed)));
            text(90, 560, 28, false, QStringLiteral("Disp: #%1").arg(quantity));
            text(90, 620, 28, false, QStringLiteral("Refills: %1").arg(refills));
        }
        p.end();

        // Software camera: place the label on a coloured surface with perspective and light.
        cv::Mat flat(label.height(), label.width(), CV_8UC3, const_cast<uchar *>(label.constBits()), size_t(label.bytesPerLine()));
        cv::Mat bgr;
        cv::cvtColor(flat, bgr, cv::COLOR_RGB2BGR);
        const int W = 1600, H = 1200;
        cv::Mat photo(H, W, CV_8UC3, cv::Scalar(40 + rng.bounded(120), 40 + rng.bounded(120), 40 + rng.bounded(120)));
        cv::Mat texture(H, W, CV_8UC3);
        cv::randn(texture, cv::Scalar::all(0), cv::Scalar::all(18));
        cv::add(photo, texture, photo);
        const double jitter = 0.04 + 0.05 * level;
        const double scale = std::min((W * 0.8) / bgr.cols, (H * 0.8) / bgr.rows);
        const cv::Point2f c(W / 2.0f, H / 2.0f);
        const float hw = float(bgr.cols * scale / 2), hh = float(bgr.rows * scale / 2);
        const double angle = (rng.generateDouble() - 0.5) * (0.1 + 0.25 * level);
        auto corner = [&](float x, float y) {
            const float jx = float((rng.generateDouble() - 0.5) * 2 * jitter * hw), jy = float((rng.generateDouble() - 0.5) * 2 * jitter * hh);
            const float rx = float(x * std::cos(angle) - y * std::sin(angle)), ry = float(x * std::sin(angle) + y * std::cos(angle));
            return cv::Point2f(c.x + rx + jx, c.y + ry + jy);
        };
        const cv::Point2f src[4] = {{0, 0}, {float(bgr.cols), 0}, {float(bgr.cols), float(bgr.rows)}, {0, float(bgr.rows)}};
        const cv::Point2f dst[4] = {corner(-hw, -hh), corner(hw, -hh), corner(hw, hh), corner(-hw, hh)};
        cv::Mat mask(bgr.size(), CV_8UC1, cv::Scalar(255)), warpedMask, warped;
        const cv::Mat m = cv::getPerspectiveTransform(src, dst);
        cv::warpPerspective(bgr, warped, m, photo.size());
        cv::warpPerspective(mask, warpedMask, m, photo.size());
        warped.copyTo(photo, warpedMask);
        // Uneven light: a gradient across the frame, dimmer at higher levels.
        cv::Mat light(H, W, CV_32F);
        const double dim = 1.0 - 0.18 * level - 0.1 * rng.generateDouble();
        for (int y = 0; y < H; ++y)
            for (int x = 0; x < W; ++x)
                light.at<float>(y, x) = float(dim * (0.75 + 0.25 * (double(x) / W + double(y) / H)));
        cv::Mat photoF;
        photo.convertTo(photoF, CV_32FC3);
        std::vector<cv::Mat> ch;
        cv::split(photoF, ch);
        for (auto &k : ch)
            k = k.mul(light);
        cv::merge(ch, photoF);
        if (level >= 1 && rng.bounded(2)) {
            // A soft glare spot away from the main text.
            cv::Mat glare(H, W, CV_32FC3, cv::Scalar::all(0));
            cv::circle(glare, cv::Point(int(W * 0.75), int(H * 0.7)), 90, cv::Scalar::all(110), cv::FILLED);
            cv::GaussianBlur(glare, glare, cv::Size(0, 0), 40);
            photoF += glare;
        }
        photoF.convertTo(photo, CV_8UC3);
        const double blur = 0.6 + 0.5 * level;
        cv::GaussianBlur(photo, photo, cv::Size(0, 0), blur);
        cv::Mat noise(H, W, CV_8UC3);
        cv::randn(noise, cv::Scalar::all(0), cv::Scalar::all(4 + 4 * level));
        cv::add(photo, noise, photo);
        const QString base = out.filePath(QStringLiteral("%1").arg(n, 4, 10, QLatin1Char('0')));
        cv::imwrite((base + QStringLiteral(".jpg")).toStdString(), photo, {cv::IMWRITE_JPEG_QUALITY, 80 - 10 * level});

        QJsonObject truth;
        truth.insert(QStringLiteral("medication_name"), QLatin1String(drug.name));
        truth.insert(QStringLiteral("dosage"), QLatin1String(drug.strength));
        truth.insert(QStringLiteral("dosage_form"), form);
        truth.insert(QStringLiteral("schedule"), QLatin1String(sig.schedule));
        truth.insert(QStringLiteral("times_per_day"), sig.timesPerDay ? QJsonValue(sig.timesPerDay) : QJsonValue());
        truth.insert(QStringLiteral("as_needed"), sig.asNeeded);
        truth.insert(QStringLiteral("instructions"), QLatin1String(sig.expanded));
        truth.insert(QStringLiteral("printed_sig"), QLatin1String(sig.printed));
        truth.insert(QStringLiteral("prescriber"), prescriber);
        truth.insert(QStringLiteral("quantity"), quantity);
        truth.insert(QStringLiteral("refills"), refills);
        truth.insert(QStringLiteral("rx_number"), layout == 2 ? QJsonValue() : QJsonValue(rxNumber));
        truth.insert(QStringLiteral("pharmacy"), layout == 2 ? QJsonValue() : QJsonValue(pharmacy));
        truth.insert(QStringLiteral("patient"), patient);
        truth.insert(QStringLiteral("date"), QStringLiteral("2026-%1-%2").arg(month, 2, 10, QLatin1Char('0')).arg(day, 2, 10, QLatin1Char('0')));
        truth.insert(QStringLiteral("_template"), QStringList{QStringLiteral("retail"), QStringLiteral("two-column"), QStringLiteral("pad")}[layout]);
        truth.insert(QStringLiteral("_level"), level);
        QFile f(base + QStringLiteral(".json"));
        if (!f.open(QIODevice::WriteOnly)) {
            std::fprintf(stderr, "rx_synth: error: cannot write %s\n", qPrintable(f.fileName()));
            return 1;
        }
        f.write(QJsonDocument(truth).toJson());
    }
    std::printf("wrote %d photos to %s\n", count, qPrintable(out.path()));
    return 0;
}
