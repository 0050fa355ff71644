#!/usr/bin/env bash
# Shared steps for scripts/serve and scripts/test: install what is missing (and only that), build.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m== %s\033[0m\n' "$*"; }

need_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  # The standard library's source: the core module builds its own std for size (build_core).
  if ! rustup component list --installed | grep -q '^rust-src'; then
    say "adding the rust-src component"
    rustup component add rust-src
  fi
}

# The wasm-bindgen version pinned in Cargo.toml, as resolved in Cargo.lock.
pinned_bindgen() {
  if [ ! -f Cargo.lock ]; then cargo generate-lockfile >/dev/null; fi
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

need_bindgen_cli() {
  local want have
  want="$(pinned_bindgen)"
  have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
  if [ "$have" != "$want" ]; then
    say "installing wasm-bindgen-cli $want (about 5 minutes, once)"
    cargo install wasm-bindgen-cli --version "$want" --locked \
      || cargo install wasm-bindgen-cli --version "$want"
  fi
}

need_npm() {
  if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/binaryen ] || [ ! -d node_modules/axe-core ] \
     || [ ! -d node_modules/eslint ] || [ ! -d node_modules/puppeteer-core ] || [ ! -d node_modules/selenium-webdriver ] \
     || [ package.json -nt node_modules/.package-lock.json ]; then
    say "installing npm dev dependencies"
    # The drivers only: Debian's browsers are used, none is downloaded.
    export PUPPETEER_SKIP_DOWNLOAD=1
    if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
  fi
}

need_chromium() {
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    say "installing Chromium and ChromeDriver from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
  fi
}

# The other engines of the cross-browser smoke suite (tests/cross/): Firefox ESR, driven over
# WebDriver BiDi by puppeteer-core, and WebKitGTK's MiniBrowser with WebKitWebDriver, driven by
# selenium-webdriver in an X server of its own (Xvfb). The npm drivers come with need_npm.
need_firefox() {
  if [ ! -x /usr/bin/firefox-esr ]; then
    say "installing Firefox ESR from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr
  fi
}

need_webkit() {
  if [ ! -x /usr/bin/WebKitWebDriver ] || [ ! -x /usr/bin/Xvfb ]; then
    say "installing WebKitGTK's WebKitWebDriver and MiniBrowser, and Xvfb, from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq webkit2gtk-driver xvfb
  fi
}

# cargo-fuzz for scripts/fuzz (libFuzzer is built from source, so a C++ compiler too).
need_cargo_fuzz() {
  if ! command -v c++ >/dev/null; then
    say "installing a C++ compiler from Debian (for libFuzzer)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq g++
  fi
  if ! cargo fuzz --version >/dev/null 2>&1; then
    say "installing cargo-fuzz (about 1 minute, once)"
    cargo install cargo-fuzz --locked
  fi
}

# cargo-deny, for the licence, duplicate-version and source checks of deny.toml.
need_cargo_deny() {
  if ! cargo deny --version >/dev/null 2>&1; then
    say "installing cargo-deny (5 to 10 minutes, once)"
    cargo install cargo-deny --locked || cargo install cargo-deny
  fi
}

# The dependency checks. cargo-deny checks licences, duplicate versions and sources offline
# (deny.toml); its advisories need the RustSec database from GitHub, so they run only where
# github.com answers. npm: the page ships no npm package (it imports only its own modules and
# wasm-bindgen's output, checked here), and `npm audit --omit=dev` audits what package.json
# would ship; a registry whose audit endpoint does not answer is said, not failed.
check_dependencies() {
  # cargo-deny reads `cargo metadata`, which needs every locked crate of every platform on disk
  # (a fresh machine's builds fetched only those of its own targets: minicov was missing).
  cargo fetch --quiet
  cargo deny --offline check licenses bans sources
  if timeout 20 git ls-remote --exit-code https://github.com/RustSec/advisory-db HEAD >/dev/null 2>&1; then
    cargo deny check advisories
  else
    echo "cargo deny check advisories: skipped, the RustSec database (github.com) cannot be fetched from here"
  fi
  # An import statement, an `export … from`, a dynamic import() or a bare `} from` line naming
  # anything but a path of our own ('./x.js'); words such as "from" inside strings do not count.
  if grep -nE "^[[:space:]]*(import|export)[^'\"]*[[:space:]]from[[:space:]]*['\"][^./'\"]|^[[:space:]]*\}[[:space:]]*from[[:space:]]*['\"][^./'\"]|^[[:space:]]*import[[:space:]]*['\"][^./'\"]|import[[:space:]]*\([[:space:]]*['\"][^./'\"]|node_modules" www/*.js www/*.html \
     || grep -nE "(src|href)=['\"]?(https?:)?//" www/*.html; then
    echo "www/ loads something that is not its own file (above): the page ships no package" >&2
    return 1
  fi
  # npm audit exits 1 both on advisories and on an endpoint that does not answer: node tells.
  { npm audit --omit=dev --json 2>/dev/null || true; } | node -e '
    const text = require("fs").readFileSync(0, "utf8");
    const report = text.trim() ? JSON.parse(text) : {};
    const shipped = Object.keys(require("./package.json").dependencies || {}).length;
    if (!report.metadata) {
      console.log(`npm audit --omit=dev: not audited, the audit endpoint of the registry did not answer (${report.message || "no report"}); package.json ships ${shipped} packages`);
      process.exit(0);
    }
    const found = report.metadata.vulnerabilities.total;
    console.log(`npm audit --omit=dev: package.json ships ${shipped} packages; ${found} advisories`);
    process.exit(found > 0 ? 1 : 0);
  '
}

# NetworkX, the independent reader that the export tests open GEXF and GraphML files with.
need_networkx() {
  if ! python3 -c 'import networkx' 2>/dev/null; then
    say "installing NetworkX from PyPI"
    if ! python3 -m pip --version >/dev/null 2>&1; then
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-pip
    fi
    python3 -m pip install --quiet networkx \
      || python3 -m pip install --quiet --break-system-packages networkx
  fi
}

# The core module (the first load) into target/web/entente.wasm, with a standard library built for
# size: panics abort at once (no panic messages or their formatting: a panic is a bug, the entry
# points return errors), no source locations, and std's `optimize_for_size` (its smaller sorts and
# number formatting). About 14 KB gzip less than the prebuilt std (README, Page weight). These are
# unstable options of the stable toolchain, as the fuzz smoke's are (RUSTC_BOOTSTRAP=1); a
# toolchain that refuses them builds the core with the prebuilt std instead, and says so.
build_core() {
  if RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR=target/core-std \
      RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none" \
      cargo build --profile core --target wasm32-unknown-unknown --no-default-features \
        --features core-exports -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size; then
    cp target/core-std/wasm32-unknown-unknown/core/entente.wasm target/web/entente.wasm
  else
    say "WARNING: this toolchain cannot build std for size; the core uses the prebuilt std (larger)"
    cargo build --profile core --target wasm32-unknown-unknown --no-default-features --features core-exports
    cp target/wasm32-unknown-unknown/core/entente.wasm target/web/entente.wasm
  fi
}

# A module fetched after the first picture (io, edit, chart, layout: feature $2) into
# target/web/$1.wasm, built like the core with its own standard library (panics abort at once, no
# source locations) but for speed: std, core, alloc and compiler_builtins at opt-level 3, as the
# prebuilt std is (the release profile's `package."*"` would put them at "z": the map's spreading
# 26 % slower, a GEXF export 8 %). `Debug` formatting stays: serde's and the parsers' messages
# quote values with it. In target directory $3 with extra RUSTFLAGS $4 (the layout's SIMD). Falls
# back to the prebuilt std, and says so, as build_core does.
build_module() {
  local name=$1 feature=$2 dir=$3 flags=$4 crate config=()
  for crate in std core alloc compiler_builtins hashbrown; do
    config+=(--config "profile.release.package.$crate.opt-level=3")
  done
  if RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR="$dir" \
      RUSTFLAGS="$flags -Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none" \
      cargo build "${config[@]}" --profile release --target wasm32-unknown-unknown \
        --no-default-features --features "$feature" -Zbuild-std=std,panic_abort; then
    cp "$dir/wasm32-unknown-unknown/release/entente.wasm" "target/web/$name.wasm"
  else
    say "WARNING: this toolchain cannot build std for $name; it uses the prebuilt std (larger)"
    CARGO_TARGET_DIR="$dir-prebuilt" RUSTFLAGS="$flags" \
      cargo build --profile release --target wasm32-unknown-unknown --no-default-features --features "$feature"
    cp "$dir-prebuilt/wasm32-unknown-unknown/release/entente.wasm" "target/web/$name.wasm"
  fi
}

# Builds the wasm core and lays out www/ for serving: www/pkg (generated) and www/data (copied).
# The page's wasm modules from one crate: the core (pkg/entente.js), loaded with the page; the
# importers and exporters (pkg/entente_io.js), loaded on first use (www/io.js); the events chart,
# the ego rings and the map (pkg/entente_chart.js), after the first picture; the standalone force layout
# (pkg/entente_layout.js: ForceLayout, layoutStress), for the large-graph worker and the public API;
# the editor with the handle an edited dataset is shown by (pkg/entente_edit.js), on the first edit.
build_web() {
  mkdir -p target/web
  local name feature profile level
  for name in entente:core-exports entente_io:io-exports entente_chart:chart-exports \
      entente_layout:layout-exports entente_edit:edit-exports; do
    feature=${name#*:}
    name=${name%%:*}
    # The core is the first load: built with the profile `core` (Cargo.toml: the crate for size,
    # the layouts of the crate entente-layout at opt-level 3); the others with `release`.
    profile=release
    if [ "$name" = entente ]; then profile=core; fi
    say "building the wasm module $name (profile $profile, feature $feature)"
    if [ "$name" = entente_layout ]; then
      # The standalone layout alone is built with wasm SIMD (the charge force's inner loop,
      # layout/src/many_body.rs), in a target directory of its own so that the other modules'
      # builds are not invalidated by the different flags; the core keeps the scalar loop.
      build_module "$name" "$feature" target/simd-std "-C target-feature=+simd128"
    elif [ "$name" = entente ]; then
      build_core
    else
      build_module "$name" "$feature" target/mod-std ""
    fi
  done
  rm -rf www/pkg
  for name in entente entente_io entente_chart entente_layout entente_edit; do
    wasm-bindgen --target web --no-typescript --out-dir www/pkg --out-name "$name" "target/web/$name.wasm"
    if [ -x node_modules/.bin/wasm-opt ]; then
      # The core, the first load, for size (-Os: 0.5 KB gzip less than -O3, the layout's tick as
      # fast: bench/core-speed.mjs); the others for speed. The custom sections the browser does not
      # read (producers, target features) are dropped. SIMD for the layout module.
      level=-O3
      if [ "$name" = entente ]; then level=-Os; fi
      node_modules/.bin/wasm-opt "$level" --strip-producers --strip-target-features \
        --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
        --enable-simd \
        "www/pkg/${name}_bg.wasm" -o "www/pkg/${name}_bg.wasm"
    fi
  done
  mkdir -p www/data
  cp data/*.json www/data/
  # Bad datasets for the end-to-end tests, served beside the page.
  mkdir -p www/fixtures/lasting && cp tests/fixtures/json/*.json www/fixtures/
  # Lasting events (an `end`), for the comparison's ended ties.
  cp tests/fixtures/lasting/*.json www/fixtures/lasting/
  # Event data (GDELT, ICEWS, SIPRI, COW) by address, for `?data=`.
  mkdir -p www/fixtures/events && cp tests/fixtures/events/* www/fixtures/events/
  # Hostile input (not UTF-8, XSS payloads, deep nesting...) for the robustness tests.
  mkdir -p www/fixtures/hostile && cp tests/fixtures/hostile/*.json www/fixtures/hostile/
  build_site
}

# The served site, target/site/: www/ as built above, its JavaScript written by esbuild
# (scripts/bundle.mjs: every module keeps its name and exports, the first picture's code in one
# shared chunk, each worker one file, the wasm glue minified where it is) and every style sheet
# minified on its own. The sources in www/ stay as written; scripts/serve, the end-to-end tests
# and the benches serve this.
build_site() {
  say "laying out target/site (www/ with minified JavaScript and CSS)"
  rm -rf target/site
  mkdir -p target/site
  cp -a www/. target/site/
  rm -f target/site/*.js
  local file
  for file in target/site/*.css; do
    node_modules/.bin/esbuild "$file" --minify --log-level=warning --outfile="$file" --allow-overwrite
  done
  # The shipped datasets without their indentation: the same JSON values, 0.7 KB less of the first
  # load (gzip -9). data/ keeps them indented for reading; the test fixtures are served as written.
  node -e 'const fs = require("fs");
    for (const f of process.argv.slice(1)) fs.writeFileSync(f, JSON.stringify(JSON.parse(fs.readFileSync(f, "utf8"))));' \
    target/site/data/*.json
  # The JavaScript, and the preloads of the first picture's chunk, glue and wasm (scripts/bundle.mjs).
  node scripts/bundle.mjs target/site
}
