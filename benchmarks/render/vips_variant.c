/* The benchmark variant (benchmarks/render.sh) rendered with libvips in one process, the way a
 * libvips user would write it: crop the region, keep it in memory, then per output size resize
 * (Lanczos 3), draw the title and the logo, and save JPEG q85 without metadata.
 *
 *   fast:    JPEG shrink-on-load (the largest power-of-two shrink that keeps the crop at least as
 *            big as the largest output), libvips's fastest path
 *   default: full-resolution decode, then the same steps
 *
 * Usage: vips_variant fast|default SRC.jpg OUTPREFIX REPEAT LOGO.png FONTFILE [plain]
 * Prints the mean wall time per variant in ms. "plain" skips the overlays (for the PSNR check). */
#include <stdio.h>
#include <string.h>
#include <math.h>
#include <vips/vips.h>

static const int SIZES[3][2] = {{1280, 720}, {640, 360}, {342, 192}};
static const char *TITLE = "The Outer Reaches";

static VipsImage *text_rgba(VipsObject *scope, const char *fontfile, int px) {
  VipsImage **t = (VipsImage **) vips_object_local_array(scope, 4);
  char font[64];
  snprintf(font, sizeof font, "DejaVu Sans Bold %d", px);
  if (vips_text(&t[0], TITLE, "font", font, "fontfile", fontfile, "dpi", 72, NULL) ||
      vips_linear1(t[0], &t[1], 0.0, 255.0, "uchar", TRUE, NULL))
    vips_error_exit(NULL);
  VipsImage *bands[4] = {t[1], t[1], t[1], t[0]};
  if (vips_bandjoin(bands, &t[2], 4, NULL) ||
      vips_copy(t[2], &t[3], "interpretation", VIPS_INTERPRETATION_sRGB, NULL))
    vips_error_exit(NULL);
  return t[3];
}

static void render_size(VipsImage *crop, int w, int h, const char *logo, const char *fontfile,
                        int plain, const char *out) {
  VipsObject *scope = VIPS_OBJECT(vips_image_new());
  VipsImage **t = (VipsImage **) vips_object_local_array(scope, 6);
  double hs = (double) w / crop->Xsize, vs = (double) h / crop->Ysize;
  if (vips_resize(crop, &t[0], hs, "vscale", vs, "kernel", VIPS_KERNEL_LANCZOS3, NULL))
    vips_error_exit(NULL);
  VipsImage *img = t[0];
  if (!plain) {
    int margin = (int) lround(0.03 * h), lw = (int) lround(0.15 * w);
    VipsImage *title = text_rgba(scope, fontfile, (int) lround(0.08 * h));
    if (vips_thumbnail(logo, &t[1], lw, "height", 10 * lw, NULL) ||
        vips_composite2(img, t[1], &t[2], VIPS_BLEND_MODE_OVER,
                        "x", w - (int) lround(0.03 * w) - t[1]->Xsize, "y", margin, NULL) ||
        vips_composite2(t[2], title, &t[3], VIPS_BLEND_MODE_OVER,
                        "x", (int) lround(0.03 * w), "y", h - margin - title->Ysize, NULL) ||
        vips_flatten(t[3], &t[4], NULL))
      vips_error_exit(NULL);
    img = t[4];
  }
  if (vips_jpegsave(img, out, "Q", 85, "strip", TRUE, NULL))
    vips_error_exit(NULL);
  g_object_unref(scope);
}

int main(int argc, char **argv) {
  if (VIPS_INIT(argv[0])) vips_error_exit(NULL);
  if (argc < 7) vips_error_exit("usage: vips_variant fast|default SRC OUTPREFIX REPEAT LOGO FONTFILE [plain]");
  int fast = strcmp(argv[1], "fast") == 0, repeat = atoi(argv[4]);
  int plain = argc > 7 && strcmp(argv[7], "plain") == 0;
  vips_cache_set_max(0); /* every round decodes again, as a new request would */
  GTimer *timer = g_timer_new();
  for (int r = 0; r < repeat; r++) {
    VipsObject *scope = VIPS_OBJECT(vips_image_new());
    VipsImage **t = (VipsImage **) vips_object_local_array(scope, 3);
    if (!(t[0] = vips_image_new_from_file(argv[2], NULL))) vips_error_exit(NULL);
    int W = t[0]->Xsize, H = t[0]->Ysize;
    int cx = (int) lround(0.1 * W), cy = (int) lround(0.1 * H);
    int cw = (int) lround(0.8 * W), ch = (int) lround(0.8 * H);
    int shrink = 1;
    if (fast)
      while (shrink < 8 && cw / (shrink * 2) >= SIZES[0][0] && ch / (shrink * 2) >= SIZES[0][1])
        shrink *= 2;
    VipsImage *in = t[0];
    if (shrink > 1 && !(in = t[1] = vips_image_new_from_file(argv[2], "shrink", shrink, NULL)))
      vips_error_exit(NULL);
    VipsImage *crop;
    if (vips_extract_area(in, &t[2], cx / shrink, cy / shrink, cw / shrink, ch / shrink, NULL) ||
        !(crop = vips_image_copy_memory(t[2])))
      vips_error_exit(NULL);
    for (int s = 0; s < 3; s++) {
      char out[4096];
      snprintf(out, sizeof out, "%s-%d.jpg", argv[3], SIZES[s][0]);
      render_size(crop, SIZES[s][0], SIZES[s][1], argv[5], argv[6], plain, out);
    }
    g_object_unref(crop);
    g_object_unref(scope);
  }
  printf("%.1f\n", g_timer_elapsed(timer, NULL) * 1000.0 / repeat);
  vips_shutdown();
  return 0;
}
