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

LIB_A  := $(OUT)/libwinnow.a
LIB_SO := $(OUT)/libwinnow.so
TOOL   := $(OUT)/winnow

DEMO_PAGE := examples/news-article.html

.PHONY: deps demo all lib test unit check conformance golden hostile cli-test bench fuzz fuzz-build clean install lint format
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

$(LIB_SO): $(LIB_OBJ)
	$(CC) -shared -o $@ $^ $(LDFLAGS) $(LDLIBS)

$(TOOL): $(CLI_OBJ) $(LIB_A)
	$(CC) -o $@ $(CLI_OBJ) $(LIB_A) $(LDFLAGS) $(LDLIBS)

# Unit tests link the static library, so they may call internal (hidden) functions.
$(OUT)/tests/%: tests/unit/%.c tests/unit/check.h $(LIB_A)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Itests/unit -o $@ $< $(LIB_A) $(LDFLAGS) $(LDLIBS)

$(OUT)/html5lib-runner: $(wildcard tests/html5lib/*.c) tests/html5lib/runner.h $(LIB_A)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Itests/unit -o $@ $(filter %.c,$^) $(LIB_A) $(LDFLAGS) $(LDLIBS)

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

# The whole suite: unit, conformance, golden files, command-line behaviour.
test: deps
	$(MAKE) all
	$(MAKE) unit conformance golden cli-test

# The whole suite under AddressSanitizer + UndefinedBehaviorSanitizer.
check:
	$(MAKE) BUILD=asan test

bench:
	$(MAKE) BUILD=release all
	sh bench/run.sh build/release

FUZZ_TARGETS := $(basename $(notdir $(wildcard fuzz/fuzz_*.c)))
FUZZ_SECONDS ?= 60
fuzz-build:
	$(MAKE) BUILD=fuzz CC=clang EXTRA_CFLAGS="-g -O1 -fsanitize=fuzzer-no-link,address,undefined" lib
	@set -e; for t in $(FUZZ_TARGETS); do \
	  clang -g -O1 -fsanitize=fuzzer,address,undefined -Iinclude -Isrc -o build/fuzz/$$t fuzz/$$t.c build/fuzz/libwinnow.a $(LDLIBS); done
fuzz: fuzz-build
	sh fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)

PREFIX ?= /usr/local
install: all
	install -d $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/pkgconfig
	install -m 644 include/winnow.h $(DESTDIR)$(PREFIX)/include/
	install -m 644 $(LIB_A) $(LIB_SO) $(DESTDIR)$(PREFIX)/lib/
	install -m 755 $(TOOL) $(DESTDIR)$(PREFIX)/bin/
	sed 's|@PREFIX@|$(PREFIX)|' winnow.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/winnow.pc

lint:
	clang-tidy $(LIB_SRC) -- $(CFLAGS)

format:
	clang-format -i $(LIB_SRC) $(CLI_SRC) include/winnow.h

clean:
	rm -rf build

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)
