# winnow — plain GNU Make build.
# BUILD: release | debug | asan  (comments stay off value lines: Make keeps trailing spaces)
BUILD ?= release
OUT   := build/$(BUILD)
CC    ?= cc

CFLAGS_release := -O3 -DNDEBUG
CFLAGS_debug   := -O0 -g -DWN_DEBUG
CFLAGS_asan    := -O1 -g -DWN_DEBUG -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
LDFLAGS_asan   := -fsanitize=address,undefined

WARN    := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes
CFLAGS  += -std=c11 -D_GNU_SOURCE $(WARN) -fvisibility=hidden -fPIC -MMD -MP \
           -Iinclude -Isrc $(CFLAGS_$(BUILD)) $(EXTRA_CFLAGS)
LDLIBS  += -lisal -lz -lbrotlidec -lzstd -lpthread -lm
LDFLAGS += $(LDFLAGS_$(BUILD))

# Every .c under src/ is part of the library; every .c under cli/ is part of the tool.
LIB_SRC  := $(sort $(shell find src -name '*.c'))
CLI_SRC  := $(sort $(wildcard cli/*.c))
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
LIB_OBJ  := $(LIB_SRC:%.c=$(OUT)/%.o)
CLI_OBJ  := $(CLI_SRC:%.c=$(OUT)/%.o)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(OUT)/tests/%)

# The version comes from the header; the shared library's SONAME carries the
# major number (README "Versions"): libwinnow.so.MAJOR -> libwinnow.so.X.Y.Z.
VERSION := $(shell sed -n 's/^\#define WN_VERSION_STRING "\(.*\)"/\1/p' include/winnow.h)
MAJOR   := $(firstword $(subst ., ,$(VERSION)))
SONAME  := libwinnow.so.$(MAJOR)

LIB_A  := $(OUT)/libwinnow.a
LIB_SO := $(OUT)/libwinnow.so
LIB_SO_REAL := $(OUT)/libwinnow.so.$(VERSION)
TOOL   := $(OUT)/winnow

DEMO_PAGE := examples/news-article.html

.PHONY: deps demo all lib test test-build unit check conformance golden hostile cli-test lib-test layers lexicon lexicon-check phrases bench fuzz fuzz-build clean install lint format python python-test
all: $(LIB_A) $(LIB_SO) $(TOOL)

# Installs missing Debian packages (a no-op when everything is there).
deps:
	@sh tools/install-deps.sh

# Quick start: install what is needed, build, and extract the bundled example page.
demo: deps
	$(MAKE) all
	$(TOOL) --format md $(DEMO_PAGE)
lib: $(LIB_A) $(LIB_SO)

$(OUT)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c $< -o $@

$(LIB_A): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(LIB_SO_REAL): $(LIB_OBJ)
	$(CC) -shared -Wl,-soname,$(SONAME) -o $@ $^ $(LDFLAGS) $(LDLIBS)

# The links a linker (libwinnow.so) and the loader (the SONAME) look for.
$(LIB_SO): $(LIB_SO_REAL)
	ln -sf $(notdir $(LIB_SO_REAL)) $(OUT)/$(SONAME)
	ln -sf $(SONAME) $@

$(TOOL): $(CLI_OBJ) $(LIB_A)
	$(CC) -o $@ $(CLI_OBJ) $(LIB_A) $(LDFLAGS) $(LDLIBS)

# Unit tests link the static library, so they may call internal (hidden) functions.
$(OUT)/tests/%: tests/unit/%.c tests/unit/check.h tests/unit/extract_util.h $(LIB_A)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Itests/unit -o $@ $< $(LIB_A) $(LDFLAGS) $(LDLIBS)

$(OUT)/html5lib-runner: $(wildcard tests/html5lib/*.c) tests/html5lib/runner.h $(LIB_A)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Itests/unit -o $@ $(filter %.c,$^) $(LIB_A) $(LDFLAGS) $(LDLIBS)

# The Python module (python/): a CPython extension over winnow.h that links the
# static library. The release build lands in place (python/winnow/), so
# PYTHONPATH=python finds the package; other builds get their own copy of the
# package under $(OUT)/python. PYTHON is Debian's interpreter, which has the
# python3-dev headers and the test modules (pytest, dask).
PYTHON ?= /usr/bin/python3
PY_INC  = $(shell $(PYTHON) -c "import sysconfig; print(sysconfig.get_paths()['include'])" 2>/dev/null)
PY_EXT  = $(shell $(PYTHON) -c "import sysconfig; print(sysconfig.get_config_var('EXT_SUFFIX'))" 2>/dev/null)
PY_SRC  := $(sort $(wildcard python/winnow/*.py python/winnow/*.pyi)) python/winnow/py.typed
PY_ROOT := $(if $(filter release,$(BUILD)),python,$(OUT)/python)
PY_MOD   = $(PY_ROOT)/winnow/_winnow$(PY_EXT)
# An ASan build of the module needs the sanitizer runtime loaded before Python starts.
PY_RUN_asan = LD_PRELOAD="$$($(CC) -print-file-name=libasan.so) $$($(CC) -print-file-name=libubsan.so)" \
              ASAN_OPTIONS=detect_leaks=0 WINNOW_SANITIZED=1

python: $(LIB_A) $(TOOL)
	@$(MAKE) --no-print-directory $(PY_MOD)

$(PY_MOD): python/winnow/_winnow.c include/winnow.h $(LIB_A) $(PY_SRC)
	@mkdir -p $(dir $@)
	@if [ "$(PY_ROOT)" != python ]; then cp $(PY_SRC) $(PY_ROOT)/winnow/; fi
	$(CC) $(filter-out -MMD -MP,$(CFLAGS)) -isystem $(PY_INC) -shared -o $@ $< $(LIB_A) $(LDFLAGS) $(LDLIBS)

python-test: python
	cd python && $(PY_RUN_$(BUILD)) WINNOW_CLI=$(CURDIR)/$(TOOL) PYTHONPATH=$(CURDIR)/$(PY_ROOT) \
	    $(PYTHON) -m pytest -q -p no:cacheprovider tests

# Every test program, built but not run (CI builds them with -Werror too).
test-build: $(UNIT_BIN) $(OUT)/html5lib-runner $(OUT)/tests/test_hostile

unit: $(UNIT_BIN)
	@set -e; for t in $(UNIT_BIN); do echo "== $$t"; $$t; done

conformance: $(OUT)/html5lib-runner
	$(OUT)/html5lib-runner --expected tests/html5lib/expected-failures.txt ../shared/data/html5lib-tests

golden: $(TOOL)
	sh tests/golden/run.sh $(TOOL)

hostile: $(OUT)/tests/test_hostile

cli-test: $(TOOL)
	sh tests/cli/run.sh $(TOOL)
	sh tests/warc/pack.sh $(TOOL)
	sh tests/cli/warc.sh $(TOOL)
	sh tests/cli/docs.sh $(TOOL)

# The library as a user builds against it: the README's example program,
# linked statically and through the shared library's SONAME.
lib-test: $(LIB_A) $(LIB_SO)
	sh tests/lib/readme_example.sh $(OUT) "$(CC)" "$(CFLAGS)" "$(LDFLAGS)" "$(LDLIBS)" $(SONAME)

# The shape of src/: no include cycle between folders, small files in extract/.
layers:
	sh tests/tree/layers.sh
	$(PYTHON) tests/tree/tuning.py

# The lexicon (data/lexicon/*.tsv): every word and phrase the extractor looks
# for. `make lexicon` regenerates the committed C table from it;
# lexicon-check fails when the data is inconsistent or the committed table is
# stale; phrases fails on a word spelled in src/extract/ code.
LEXICON_H := src/extract/signals/lexicon_data.h
lexicon:
	$(PYTHON) tools/gen_lexicon.py --check $(LEXICON_H)

lexicon-check:
	sh tests/tree/lexicon.sh $(PYTHON) $(LEXICON_H)

phrases:
	$(PYTHON) tools/check_phrases.py

# The whole suite: unit, conformance, golden files, command-line behaviour,
# layers, the lexicon.
test: deps
	$(MAKE) all
	$(MAKE) unit conformance golden cli-test lib-test layers lexicon-check phrases python-test

# The whole suite under AddressSanitizer + UndefinedBehaviorSanitizer.
check:
	$(MAKE) BUILD=asan test

bench:
	$(MAKE) BUILD=release all python
	sh bench/run.sh build/release
	$(PYTHON) python/bench.py

FUZZ_TARGETS := $(basename $(notdir $(wildcard fuzz/fuzz_*.c)))
FUZZ_SECONDS ?= 60
fuzz-build:
	$(MAKE) BUILD=fuzz CC=clang EXTRA_CFLAGS="-g -O1 -fsanitize=fuzzer-no-link,address,undefined" lib
	@set -e; for t in $(FUZZ_TARGETS); do \
	  clang -g -O1 -fsanitize=fuzzer,address,undefined -Iinclude -Isrc -o build/fuzz/$$t fuzz/$$t.c build/fuzz/libwinnow.a $(LDLIBS); done
fuzz: fuzz-build
	sh fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)

.PHONY: fuzz-long fuzz-seeds
# A CPU hour: 20 minutes per target, one at a time, at the lowest priority (so
# a generous per-input timeout: starved for seconds is not a hang).
FUZZ_LONG_SECONDS ?= 1200
fuzz-long: fuzz-build
	FUZZ_TIMEOUT=60 nice -n 19 sh fuzz/run.sh $(FUZZ_LONG_SECONDS) $(FUZZ_TARGETS)

# Regenerates fuzz/corpus/*/dev-* from the dev pages (needs ../shared).
fuzz-seeds:
	/usr/bin/python3 tools/gen_fuzz_seeds.py ../shared

PREFIX ?= /usr/local
install: all
	install -d $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/pkgconfig
	install -m 644 include/winnow.h $(DESTDIR)$(PREFIX)/include/
	install -m 644 $(LIB_A) $(DESTDIR)$(PREFIX)/lib/
	install -m 755 $(LIB_SO_REAL) $(DESTDIR)$(PREFIX)/lib/
	ln -sf $(notdir $(LIB_SO_REAL)) $(DESTDIR)$(PREFIX)/lib/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(PREFIX)/lib/libwinnow.so
	install -m 755 $(TOOL) $(DESTDIR)$(PREFIX)/bin/
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(VERSION)|' winnow.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/winnow.pc

lint:
	clang-tidy $(LIB_SRC) -- $(CFLAGS)

format:
	clang-format -i $(LIB_SRC) $(CLI_SRC) include/winnow.h

clean:
	rm -rf build

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)
