#!/bin/bash
# layers.sh: the direction of the layers (docs/architecture.md), and the
# shape of the files. Every arrow points down: core knows neither Lua nor
# SDL, and no folder reaches into one above it or into another target's
# internal headers; no .c file is longer than 900 lines; the session log's
# field names are declared in one header.
#
#   bash tests/arch/layers.sh            from the source tree, after building
#                                         into build/ (or BUILD_DIR=...)
#   bash tests/arch/layers.sh CHECK...   only these checks: libraries,
#                                         includes, internal, lines, fields
#   bash tests/arch/layers.sh --self-test
#                                         only the test of the checker: the
#                                         lines and fields checks must fail on
#                                         a tree with a planted long file and
#                                         a planted field name
# With no argument, the self-test runs first, then every check.
# ctest runs it with SOURCE_DIR, CORE_LIB, SCRIPT_LIB and PLATFORM_LIB set.
# Exit 0 when every check holds; else 1, after naming each break.
# shellcheck disable=SC2317 # the checks are called by name ("check_$check")
set -u
SELF=$(cd "$(dirname "$0")" && pwd)/$(basename "$0")
SOURCE_DIR=${SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
BUILD_DIR=${BUILD_DIR:-$SOURCE_DIR/build}
CORE_LIB=${CORE_LIB:-$BUILD_DIR/libappraise_core.a}
SCRIPT_LIB=${SCRIPT_LIB:-$BUILD_DIR/libappraise_script.a}
PLATFORM_LIB=${PLATFORM_LIB:-$BUILD_DIR/libappraise_platform.a}
# The longest a .c file may be, in lines.
MAX_LINES=900
# The one header that declares the session log's records and fields.
SCHEMA=engine/core/log_schema.h
cd "$SOURCE_DIR" || exit 1

failed=0
fail() {
    echo "layers: $*" >&2
    failed=1
}

# Symbols of a static library whose names start with one of the prefixes,
# defined or referenced, as "object: symbol".
symbols() { # LIB REGEX
    if [ ! -f "$1" ]; then
        fail "$1 is not built (build first, or set BUILD_DIR)"
        return
    fi
    # nm -A names each symbol's object as ARCHIVE:OBJECT:
    nm -A "$1" 2>/dev/null | awk -v re="^($2)" '$NF ~ re { sub(/^[^:]*:/, "", $1); sub(/:$/, "", $1); print $1 ": " $NF }' |
        sort -u
}

# ---- 1. core's objects reference no Lua and no SDL -------------------------
check_libraries() {
    local bad
    bad=$(symbols "$CORE_LIB" 'lua_|luaL_|luaopen_|SDL_|TTF_')
    [ -z "$bad" ] || fail "engine/core must not use Lua or SDL; libappraise_core.a has:
$bad"

    # The Lua host uses no SDL; the platform layer neither Lua nor SDL.
    bad=$(symbols "$SCRIPT_LIB" 'SDL_|TTF_')
    [ -z "$bad" ] || fail "engine/script must not use SDL; libappraise_script.a has:
$bad"
    bad=$(symbols "$PLATFORM_LIB" 'lua_|luaL_|luaopen_|SDL_|TTF_')
    [ -z "$bad" ] || fail "engine/platform must not use Lua or SDL; libappraise_platform.a has:
$bad"
}

# ---- 2. no folder includes from one above it -------------------------------
# Each quoted include of a file in FOLDER must name a header of FOLDER itself
# (or of the folders it may use), and no angle include may name a library
# it must not use.
includes() { # FOLDER
    grep -rHn --include='*.c' --include='*.h' -E '^[[:space:]]*#[[:space:]]*include' "$1"
}

check_folder() { # FOLDER "ALLOWED FOLDERS" FORBIDDEN_SYSTEM_REGEX
    local folder=$1 allowed=$2 forbidden=$3
    while IFS= read -r line; do
        local file=${line%%:*}
        local inc
        inc=$(sed -E 's/^[^#]*#[[:space:]]*include[[:space:]]*//' <<<"${line#*:*:}")
        case $inc in
        \"*)
            local name=${inc#\"}
            name=${name%%\"*}
            if [[ $name == *..* || $name == */* ]]; then
                fail "$file: #include \"$name\" reaches outside $folder by a path"
                continue
            fi
            local found=0
            for d in $allowed; do
                if [ -f "$d/$name" ] || [ -f "$d/internal/$name" -a "$d" = "$folder" ]; then
                    found=1
                    break
                fi
            done
            [ $found = 1 ] || fail "$file: #include \"$name\" is not a header of $allowed"
            ;;
        \<*)
            if [ -n "$forbidden" ] && grep -qE "^<($forbidden)" <<<"$inc"; then
                fail "$file: #include $inc: $folder must not use it"
            fi
            ;;
        esac
    done < <(includes "$folder")
}

check_includes() {
    check_folder engine/core "engine/core" 'lua|lauxlib|lualib|luaconf|SDL'
    check_folder engine/script "engine/script engine/core" 'SDL'
    check_folder engine/platform "engine/platform" 'lua|lauxlib|lualib|luaconf|SDL'
    check_folder engine/front "engine/front engine/script engine/core" 'SDL'
    check_folder engine/text "engine/text engine/front engine/script engine/core engine/platform engine" 'SDL'
}

# ---- 3. another target's internal headers stay its own ----------------------
check_internal() {
    local dir owner h name users
    for dir in $(find engine tools -type d -name internal | sort); do
        owner=${dir%/internal}
        for h in "$dir"/*.h; do
            [ -f "$h" ] || continue
            name=$(basename "$h")
            users=$(grep -rlE "#[[:space:]]*include[[:space:]]*\"([^\"]*/)?$name\"" engine tools bench 2>/dev/null |
                grep -v "^$owner/" || true)
            [ -z "$users" ] || fail "$h is internal to $owner, but included by: $users"
        done
    done
}

# ---- 4. no .c file in engine/ or tools/ over MAX_LINES lines -----------------
# One concern a file: a longer one has more than one, and is split where
# they part. Lines are counted as an editor shows them (a last line without
# a newline counts).
check_lines() {
    local f n
    while IFS= read -r f; do
        n=$(awk 'END { print NR }' "$f")
        [ "$n" -le "$MAX_LINES" ] ||
            fail "$f has $n lines (at most $MAX_LINES): split it where its concerns part, one concern a file"
    done < <(find engine tools -type f -name '*.c' | sort)
}

# ---- 5. each record field name declared in exactly one header --------------
# The JSON names of the fields, read from the X-macro lists of SCHEMA
# (X(struct, "name", TYPE, member) in each #define LOG_..._FIELDS(X)), one a
# line.
field_names() { # SCHEMA_FILE
    awk '
        /^[ \t]*#[ \t]*define[ \t]+LOG_[A-Z0-9_]+_FIELDS\(X\)/ { inlist = 1 }
        inlist {
            rest = $0
            while (match(rest, /X\([ \t]*[A-Za-z_][A-Za-z0-9_]*[ \t]*,[ \t]*"[^"]*"/)) {
                item = substr(rest, RSTART, RLENGTH)
                sub(/^[^"]*"/, "", item)
                sub(/"$/, "", item)
                print item
                rest = substr(rest, RSTART + RLENGTH)
            }
            if ($0 !~ /\\[ \t]*$/)
                inlist = 0
        }' "$1" | sort -u
}

# Every string literal of the files outside comments, as FILE:LINE:TEXT
# (TEXT as written, escapes and all).
string_literals() { # FILE...
    awk '
        FNR == 1 { incomment = 0 }
        {
            s = $0
            n = length(s)
            i = 1
            while (i <= n) {
                two = substr(s, i, 2)
                c = substr(s, i, 1)
                if (incomment) {
                    if (two == "*/") { incomment = 0; i += 2 } else i++
                } else if (two == "/*") {
                    incomment = 1
                    i += 2
                } else if (two == "//") {
                    break
                } else if (c == "\047" || c == "\"") {
                    j = i + 1
                    while (j <= n && substr(s, j, 1) != c)
                        j += substr(s, j, 1) == "\\" ? 2 : 1
                    if (c == "\"")
                        print FILENAME ":" FNR ":" substr(s, i + 1, j - i - 1)
                    i = j + 1
                } else {
                    i++
                }
            }
        }' "$@"
}

check_fields() {
    if [ ! -f "$SCHEMA" ]; then
        fail "$SCHEMA is missing: it declares the session log's records and fields"
        return
    fi
    local names
    names=$(field_names "$SCHEMA")
    if [ -z "$names" ]; then
        fail "$SCHEMA: no field names found in its X-macro lists (X(struct, \"name\", TYPE, member) under #define LOG_..._FIELDS(X)): has their shape changed? Then change field_names() in $0 too"
        return
    fi
    local headers hits
    headers=$(find engine tools -type f -name '*.h' ! -path "$SCHEMA" | sort)
    [ -n "$headers" ] || return
    # shellcheck disable=SC2086 # the paths have no spaces
    hits=$(string_literals $headers | awk -F: 'NR == FNR { name[$0] = 1; next }
        { text = $0; sub(/^[^:]*:[^:]*:/, "", text) }
        text in name { print $1 ":" $2 ": \"" text "\"" }' <(printf '%s\n' "$names") -)
    while IFS= read -r hit; do
        [ -n "$hit" ] || continue
        fail "$hit is a field name of the session log, which only $SCHEMA declares: take it from its X-macro lists (LOG_..._FIELDS) or log_schema_record(), not from a copy"
    done <<<"$hits"
}

# ---- the test of the checker -------------------------------------------------
# Checks 4 and 5 on a tree of their own: a tree that keeps the rules passes,
# and each planted break fails, named. A check that cannot fail is no check.
self_test() {
    local tmp out status name
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/layers-self-test-XXXXXX") || return 1
    mkdir -p "$tmp/engine/core" "$tmp/tools/internal"
    cp "$SCHEMA" "$tmp/$SCHEMA"
    name=$(field_names "$SCHEMA" | head -n 1)
    run_on_tree() { # WHAT WANT_STATUS WANT_TEXT
        out=$(SOURCE_DIR=$tmp bash "$SELF" lines fields 2>&1)
        status=$?
        if [ "$status" != "$2" ] || ! grep -qF -- "$3" <<<"$out"; then
            fail "self-test: $1: exit $status, expected $2 with '$3'; said: $out"
        fi
    }
    seq 1 "$MAX_LINES" >"$tmp/engine/core/long_enough.c"
    printf '/* "%s" in a comment */\n#define OK "%s_not" /* "%s" */\nchar c = \047"\047;\n' \
        "$name" "$name" "$name" >"$tmp/tools/internal/fine.h"
    run_on_tree "a tree that keeps the rules" 0 "layers: ok"

    seq 1 $((MAX_LINES + 1)) >"$tmp/tools/too_long.c"
    run_on_tree "a planted file of $((MAX_LINES + 1)) lines" 1 \
        "tools/too_long.c has $((MAX_LINES + 1)) lines (at most $MAX_LINES)"
    { seq 1 "$MAX_LINES"; printf 'int last;'; } >"$tmp/tools/too_long.c"
    run_on_tree "a planted file whose line $((MAX_LINES + 1)) has no newline" 1 \
        "tools/too_long.c has $((MAX_LINES + 1)) lines"
    rm "$tmp/tools/too_long.c"

    printf '#define ONE 1\nstatic const char *const k = "%s";\n' "$name" >"$tmp/engine/copy.h"
    run_on_tree "a planted header with the field name \"$name\"" 1 "engine/copy.h:2: \"$name\""
    rm "$tmp/engine/copy.h"

    printf '/* no list */\n' >"$tmp/$SCHEMA"
    run_on_tree "a schema whose lists cannot be read" 1 "no field names found"
    rm -rf "$tmp"
}

# ---- run ---------------------------------------------------------------------
if [ $# = 0 ]; then
    self_test
    set -- libraries includes internal lines fields
elif [ "$1" = --self-test ]; then
    self_test
    shift
fi
for check in "$@"; do
    case $check in
    libraries | includes | internal | lines | fields) "check_$check" ;;
    *)
        echo "layers: no check '$check' (libraries, includes, internal, lines, fields)" >&2
        exit 2
        ;;
    esac
done

if [ $failed = 0 ]; then
    echo "layers: ok"
fi
exit $failed
