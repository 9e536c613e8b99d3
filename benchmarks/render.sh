#!/usr/bin/env bash
# One variant (crop of a tagged region + 1280x720, 640x360, 342x192 + title + logo + JPEG q85) from a
# 3840x2160 and a 1920x1080 JPEG: Marquee (JMH), libvips 8.14 (fastest path: JPEG shrink-on-load;
# default path: full decode) and ImageMagick 6 (with its JPEG size hint), side by side in one run,
# each with its default threading and with one thread.
# Then output size and PSNR against libvips, and the smallest heap one and two concurrent Marquee
# renders fit in.
# Needs: apt-get install libvips-tools libvips-dev imagemagick gcc pkg-config; a built tree
# (mvn -B -DskipTests package, or at least: mvn -pl rendering-module -am test-compile).
# Usage: benchmarks/render.sh [repeats per external measurement, default 20]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${BENCH_WORK:-/tmp/marquee-bench}
dir="$WORK/render"
repeat=${1:-20}
IM=/usr/bin/convert # the full path: some machines put a stand-in "convert" earlier on PATH
FONT="$ROOT/rendering-module/src/main/resources/dev/marquee/render/fonts/DejaVuSans-Bold.ttf"
for tool in vips "$IM" /usr/bin/compare gcc pkg-config; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install libvips-tools libvips-dev imagemagick gcc pkg-config" >&2; exit 1; }
done
rm -rf "$dir"; mkdir -p "$dir"
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name:\s*//p'), $(java -version 2>&1 | head -1), $(vips --version), $($IM -version | head -1 | cut -d' ' -f2-3)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

# Sources: the public-domain rocket photo cut to 16:9, upscaled (Lanczos 3) with a little Gaussian
# grain so the JPEGs carry photo-like detail, saved at q90. rocket.jpg is tagged Adobe RGB (1998):
# the main sources are converted to sRGB and saved without a profile, so every tool does the same
# work (Marquee converts tagged sources to sRGB; vips_variant and ImageMagick here do not). A third
# source keeps the Adobe RGB tag, to show what Marquee's colour conversion costs.
t="$dir/tmp"; mkdir -p "$t"
vips crop "$ROOT/../shared/testdata/images/rocket.jpg" "$t/c-adobe.v" 0 33 640 360
vips icc_transform "$t/c-adobe.v" "$t/c.v" srgb --embedded
vips gaussnoise "$t/noise.v" 3840 2160 --sigma 6
for stem in c c-adobe; do
  vips resize "$t/$stem.v" "$t/$stem-up.v" 6 --kernel lanczos3
  vips add "$t/$stem-up.v" "$t/noise.v" "$t/$stem-grain.v"
done
vips cast "$t/c-grain.v" "$dir/src-3840x2160.jpg[Q=90,strip]" uchar
vips cast "$t/c-adobe-grain.v" "$dir/src-3840x2160-adobergb.jpg[Q=90]" uchar
vips resize "$dir/src-3840x2160.jpg" "$dir/src-1920x1080.jpg[Q=90,strip]" 0.5 --kernel lanczos3
"$IM" -size 400x160 xc:none -fill '#E50914' -draw 'roundrectangle 0,0,399,159,28,28' \
  -font "$FONT" -pointsize 96 -fill white -gravity center -annotate +0+0 'MQ' "$dir/logo.png"
gcc -O2 -o "$t/vips_variant" "$ROOT/benchmarks/render/vips_variant.c" $(pkg-config --cflags --libs vips) -lm

# Marquee: JMH in the rendering module's test classpath.
(cd "$ROOT" && mvn -q -B -pl rendering-module -am test-compile dependency:build-classpath \
  -Dspotless.check.skip=true -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test)
cp="$ROOT/rendering-module/target/test-classes:$ROOT/rendering-module/target/classes:$(cat "$ROOT/rendering-module/target/test-classpath.txt")"
jmh() { java -cp "$cp" org.openjdk.jmh.Main VariantRenderBenchmark -f 1 -wi 3 -w 3s -i 5 -r 4s \
  -jvmArgsAppend "-Dbench.dir=$dir" -rf json "$@"; }
jmh -bm avgt -tu ms -t 1 -rff "$dir/jmh-avgt.json" >"$dir/jmh-avgt.log"
jmh -bm thrpt -tu s -t 2 -rff "$dir/jmh-thrpt.json" >"$dir/jmh-thrpt.log"
java -cp "$cp" -Dbench.dir="$dir" dev.marquee.render.bench.RenderBenchmarkOutputs

# ImageMagick: one process per variant, JPEG size hint = the same power-of-two shrink as libvips's.
im_variant() { # src width height shrink outprefix
  local W=$(($2 / $4)) H=$(($3 / $4))
  local cx=$((W / 10)) cy=$((H / 10)) cw=$((W * 8 / 10)) ch=$((H * 8 / 10))
  local args=(-define "jpeg:size=${W}x${H}" "$1" -crop "${cw}x${ch}+${cx}+${cy}" +repage -write mpr:crop +delete)
  for s in 1280x720 640x360 342x192; do
    local w=${s%x*} h=${s#*x}
    local m=$(((h * 3 + 50) / 100)) mx=$(((w * 3 + 50) / 100)) lw=$(((w * 15 + 50) / 100)) pt=$(((h * 8 + 50) / 100))
    args+=(\( mpr:crop -filter Lanczos -resize "${w}x${h}!" \( "$dir/logo.png" -resize "${lw}x" \)
      -gravity northeast -geometry "+${mx}+${m}" -composite -gravity southwest -font "$FONT"
      -pointsize "$pt" -fill white -annotate "+${mx}+${m}" 'The Outer Reaches'
      -quality 85 -strip -write "$5-$w.jpg" +delete \))
  done
  "$IM" "${args[@]}" xc: null: # every size was written and deleted; null: needs one image
}
timed() { # repeat command...: mean ms per run
  local n=$1; shift
  local t0 t1; t0=$(date +%s.%N)
  for _ in $(seq 1 "$n"); do "$@" >/dev/null; done
  t1=$(date +%s.%N)
  python3 -c "print(f'{($t1-$t0)*1000/$n:.1f}')"
}
pair_throughput() { # variants-per-copy command...: variants/s with two copies of command at once
  local n=$1; shift
  local t0 t1; t0=$(date +%s.%N)
  "$@" >/dev/null & "$@" >/dev/null & wait
  t1=$(date +%s.%N)
  python3 -c "print(f'{2*$n/($t1-$t0):.1f}')"
}
im_loop() { # repeat im_variant args...
  local n=$1; shift
  for _ in $(seq 1 "$n"); do im_variant "$@"; done
}

python3 - "$dir" <<'PY' >"$dir/marquee.tsv"
import json, sys
d = sys.argv[1]
avg = {r["params"]["source"]: r["primaryMetric"]["score"] for r in json.load(open(f"{d}/jmh-avgt.json"))}
thr = {r["params"]["source"]: r["primaryMetric"]["score"] for r in json.load(open(f"{d}/jmh-thrpt.json"))}
for s in avg: print(f"{s}\t{avg[s]:.1f}\t{thr[s]:.1f}")
PY

echo
echo "| source | tool | ms per variant (default threads) | ms per variant (1 thread) | variants/s (2 at once, 1 thread each) | 1280x720 bytes | PSNR vs libvips default (dB, no overlays) |"
echo "|---|---|---|---|---|---|---|"
for src in src-3840x2160.jpg src-1920x1080.jpg; do
  W=${src#src-}; W=${W%x*}; H=${src#*x}; H=${H%.jpg}
  shrink=1; while [ $shrink -lt 8 ] && [ $((W * 8 / 10 / (shrink * 2))) -ge 1280 ] && [ $((H * 8 / 10 / (shrink * 2))) -ge 720 ]; do shrink=$((shrink * 2)); done
  stem=${src%.jpg}
  "$t/vips_variant" default "$dir/$src" "$dir/vips-default-$stem-plain" 1 "$dir/logo.png" "$FONT" plain >/dev/null
  psnr() { /usr/bin/compare -metric PSNR "$1" "$dir/vips-default-$stem-plain-1280.jpg" null: 2>&1 || true; }
  read -r _ m_ms m_tp < <(grep "^$src" "$dir/marquee.tsv")
  # Marquee renders a variant on one thread; JMH's figure is both columns.
  echo "| $src | Marquee | $m_ms | $m_ms | $m_tp | $(stat -c %s "$dir/marquee-$stem-1280.jpg") | $(psnr "$dir/marquee-$stem-1280-plain.jpg") |"
  for mode in fast default; do
    ms=$("$t/vips_variant" $mode "$dir/$src" "$dir/vips-$mode-$stem" "$repeat" "$dir/logo.png" "$FONT")
    ms1=$(VIPS_CONCURRENCY=1 "$t/vips_variant" $mode "$dir/$src" "$dir/vips-$mode-$stem" "$repeat" "$dir/logo.png" "$FONT")
    # two single-threaded processes, each rendering $repeat variants in a loop
    tp=$(VIPS_CONCURRENCY=1 pair_throughput "$repeat" "$t/vips_variant" $mode "$dir/$src" "$dir/vips-$mode-$stem-pair" "$repeat" "$dir/logo.png" "$FONT")
    "$t/vips_variant" $mode "$dir/$src" "$dir/vips-$mode-$stem-plain" 1 "$dir/logo.png" "$FONT" plain >/dev/null
    echo "| $src | libvips $mode path | $ms | $ms1 | $tp | $(stat -c %s "$dir/vips-$mode-$stem-1280.jpg") | $(psnr "$dir/vips-$mode-$stem-plain-1280.jpg") |"
  done
  ms=$(timed "$repeat" im_variant "$dir/$src" "$W" "$H" "$shrink" "$dir/im-$stem")
  ms1=$(MAGICK_THREAD_LIMIT=1 timed "$repeat" im_variant "$dir/$src" "$W" "$H" "$shrink" "$dir/im-$stem")
  tp=$(MAGICK_THREAD_LIMIT=1 pair_throughput "$repeat" im_loop "$repeat" "$dir/$src" "$W" "$H" "$shrink" "$dir/im-pair-$stem")
  echo "| $src | ImageMagick (size hint) | $ms | $ms1 | $tp | $(stat -c %s "$dir/im-$stem-1280.jpg") | |"
done
# The Adobe RGB-tagged copy: Marquee converts it to sRGB (the others above would not), so no PSNR.
src=src-3840x2160-adobergb.jpg; stem=${src%.jpg}
read -r _ m_ms m_tp < <(grep "^$src" "$dir/marquee.tsv")
echo "| $src | Marquee (converts Adobe RGB to sRGB) | $m_ms | $m_ms | $m_tp | $(stat -c %s "$dir/marquee-$stem-1280.jpg") | |"

echo
echo "Smallest -Xmx (MiB, steps of 8) that one and two concurrent Marquee renders fit in:"
for src in src-3840x2160.jpg src-1920x1080.jpg; do
  for n in 1 2; do
    for mx in $(seq 16 8 512); do
      if java -Xmx${mx}m -XX:+UseSerialGC -cp "$cp" -Dbench.dir="$dir" dev.marquee.render.bench.RenderOnce "$src" "$n" >/dev/null 2>&1; then
        echo "  $src, $n at once: ${mx} MiB"; break
      fi
    done
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
