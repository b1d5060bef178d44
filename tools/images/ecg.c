/* ecg: the triage ECG of ed-chest-pain, drawn from a waveform model on ECG
 * paper: 12 leads in the usual 3 x 4 layout at 25 mm/s and 10 mm/mV, with
 * a 10-second rhythm strip of lead II. What the case's text says of it:
 * sinus rhythm 96/min; horizontal ST depression of 2 mm in V1-V3 with tall
 * R waves (R/S > 1 in V2) and upright T waves; no ST elevation; no LBBB
 * (QRS narrow). Nothing else in it is abnormal, so the picture says what
 * the words say and no more. The guide's recipe has an inferior ST
 * elevation of its own (leads_of). */
#include <math.h>
#include <stdio.h>

#include "canvas.h"
#include "images.h"

#define PX_MM 5.0  /* pixels per millimetre of paper */
#define MM_S 25.0  /* paper speed */
#define MM_MV 10.0 /* gain */
#define RATE 96.0  /* beats a minute */
#define SECONDS 10.0

/* The waves of one lead, in mV: P, Q, R, S, T, and the ST segment's level. */
typedef struct lead {
    const char *name;
    double p, q, r, s, t, st;
} lead;

/* A normal axis and R-wave progression, but for V1-V3. */
static const lead LEADS[12] = {
    {"I", 0.10, -0.05, 0.70, -0.10, 0.22, 0},   {"II", 0.15, -0.05, 1.10, -0.20, 0.30, 0},
    {"III", 0.06, -0.03, 0.45, -0.20, 0.10, 0}, {"aVR", -0.12, 0, 0.12, -0.80, -0.25, 0},
    {"aVL", 0.03, -0.03, 0.35, -0.25, 0.06, 0}, {"aVF", 0.10, -0.04, 0.80, -0.20, 0.20, 0},
    {"V1", 0.08, 0, 0.62, -0.55, 0.22, -0.20},  {"V2", 0.08, 0, 1.20, -0.50, 0.32, -0.20},
    {"V3", 0.08, 0, 1.30, -0.45, 0.34, -0.20},  {"V4", 0.08, -0.03, 1.50, -0.35, 0.40, 0},
    {"V5", 0.08, -0.06, 1.35, -0.20, 0.35, 0},  {"V6", 0.08, -0.06, 1.05, -0.10, 0.28, 0},
};

static double gauss(double t, double mu, double sigma)
{
    double u = (t - mu) / sigma;
    return exp(-0.5 * u * u);
}

static double sigmoid(double x)
{
    return 1 / (1 + exp(-x));
}

/* The times of the R waves: sinus rhythm with a little variation. */
static int beats(double *r, int max)
{
    double rr = 60.0 / RATE, t = 0.45;
    int n = 0;
    for (int i = 0; n < max && t < SECONDS + 1; i++) {
        r[n++] = t;
        t += rr + 0.012 * sin(i * 1.3);
    }
    return n;
}

/* The voltage of lead l at time t (seconds). */
static double voltage(const lead *l, const double *r, int n, double t)
{
    double v = 0;
    for (int i = 0; i < n; i++) {
        double u = t - r[i];
        if (u < -0.35 || u > 0.45)
            continue;
        v += l->p * gauss(u, -0.16, 0.022);
        v += l->q * gauss(u, -0.028, 0.007);
        v += l->r * gauss(u, 0, 0.0095);
        v += l->s * gauss(u, 0.030, 0.010);
        /* A flat, horizontal ST segment from the J point, leaving with the T wave. */
        v += l->st * sigmoid((u - 0.048) / 0.004) * (1 - sigmoid((u - 0.215) / 0.022));
        v += l->t * gauss(u, 0.255, 0.042);
    }
    return v + 0.008 * sin(t * 1.7); /* a slight wander */
}

static void grid(canvas *cv)
{
    rgb minor = {0.97f, 0.80f, 0.80f}, major = {0.92f, 0.55f, 0.55f};
    for (int k = 0; k * PX_MM < cv->w; k++) {
        mask_segment(cv, k * PX_MM, 0, k * PX_MM, cv->h, k % 5 ? 0.8 : 1.5);
        canvas_paint(cv, k % 5 ? minor : major, 1);
    }
    for (int k = 0; k * PX_MM < cv->h; k++) {
        mask_segment(cv, 0, k * PX_MM, cv->w, k * PX_MM, k % 5 ? 0.8 : 1.5);
        canvas_paint(cv, k % 5 ? minor : major, 1);
    }
}

/* One lead's trace from t0 to t1 at paper position x (mm), baseline y (mm). */
static void trace(canvas *cv, const lead *l, const double *r, int n, double t0, double t1, double x,
                  double y)
{
    double step = 1.0 / (MM_S * PX_MM * 2); /* two samples a pixel */
    double px = 0, py = 0;
    for (double t = t0; t <= t1 + 1e-9; t += step) {
        double X = (x + (t - t0) * MM_S) * PX_MM, Y = (y - voltage(l, r, n, t) * MM_MV) * PX_MM;
        if (t > t0)
            mask_segment(cv, px, py, X, Y, 1.7);
        px = X;
        py = Y;
    }
}

/* The 1 mV calibration pulse, 5 mm wide, at x (mm) on baseline y. */
static void calibration(canvas *cv, double x, double y)
{
    double pts[6][2] = {{x, y},     {x + 1, y}, {x + 1, y - MM_MV}, {x + 4, y - MM_MV},
                        {x + 4, y}, {x + 5, y}};
    for (int i = 0; i < 5; i++)
        mask_segment(cv, pts[i][0] * PX_MM, pts[i][1] * PX_MM, pts[i + 1][0] * PX_MM,
                     pts[i + 1][1] * PX_MM, 1.7);
}

/* The leads of kind: the posterior pattern above, or for the guide's recipe
 * an inferior ST elevation (2 mm in II, III and aVF, reciprocal depression
 * in I and aVL) with V1-V3 normal. */
static void leads_of(ecg_kind kind, lead *out)
{
    for (int i = 0; i < 12; i++)
        out[i] = LEADS[i];
    if (kind != ECG_INFERIOR)
        return;
    static const double st[12] = {-0.1, 0.2, 0.2, 0, -0.1, 0.2, 0, 0, 0, 0, 0, 0};
    out[6].r = 0.25, out[6].s = -0.9; /* V1-V3 as usual: small r, deep S */
    out[7].r = 0.5, out[7].s = -1.1;
    out[8].r = 0.9, out[8].s = -0.7;
    for (int i = 0; i < 12; i++)
        out[i].st = st[i];
}

int make_ecg(const char *dir, const char *font, ecg_kind kind, const char *name)
{
    lead leads[12];
    leads_of(kind, leads);
    const double left = 8, col_w = 2.5 * MM_S, row_h = 30, top = 22;
    canvas cv;
    int w = (int)((left + 4 * col_w + 4) * PX_MM), h = (int)((top + 3 * row_h + 14) * PX_MM);
    if (!canvas_init(&cv, w, h, (rgb){1.0f, 0.965f, 0.965f}))
        return -1;
    grid(&cv);
    double r[64];
    int n = beats(r, 64);
    rgb ink = {0.08f, 0.08f, 0.10f};
    /* Rows: I aVR V1 V4 / II aVL V2 V5 / III aVF V3 V6; then II for 10 s. */
    static const int layout[3][4] = {{0, 3, 6, 9}, {1, 4, 7, 10}, {2, 5, 8, 11}};
    for (int row = 0; row < 4; row++) {
        double y = top + row * row_h;
        calibration(&cv, 1.5, y);
        if (row < 3)
            for (int col = 0; col < 4; col++) {
                double x = left + col * col_w, t0 = col * 2.5;
                trace(&cv, &leads[layout[row][col]], r, n, t0, t0 + 2.5, x, y);
                if (col > 0) /* the mark where one lead gives way to the next */
                    mask_segment(&cv, x * PX_MM, (y - 3) * PX_MM, x * PX_MM, (y + 3) * PX_MM, 1.7);
            }
        else
            trace(&cv, &leads[1], r, n, 0, SECONDS, left, y);
        canvas_paint(&cv, ink, 1);
        for (int col = 0; row < 3 && col < 4; col++)
            canvas_text(&cv, font, 22, (int)((left + col * col_w + 1.5) * PX_MM),
                        (int)((y - 10) * PX_MM), ink, LEADS[layout[row][col]].name);
    }
    canvas_text(&cv, font, 22, (int)((left + 1.5) * PX_MM), (int)((top + 3 * row_h - 10) * PX_MM),
                ink, "II");
    canvas_text(&cv, font, 20, (int)(left * PX_MM), (int)(3 * PX_MM), ink,
                "12-lead ECG    25 mm/s    10 mm/mV    filter 0.05\xe2\x80\x93"
                "150 Hz");
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    int rc = canvas_save_png(&cv, path, false);
    canvas_free(&cv);
    return rc;
}
