#!/bin/bash
# layers.sh: the direction of the layers (docs/architecture.md). Every arrow
# points down: core knows neither Lua nor SDL, and no folder reaches into
# one above it or into another target's internal headers.
#
#   bash tests/arch/layers.sh            from the source tree, after building
#                                         into build/ (or BUILD_DIR=...)
# ctest runs it with SOURCE_DIR, CORE_LIB, SCRIPT_LIB and PLATFORM_LIB set.
# Exit 0 when every check holds; else 1, after naming each break.
set -u
SOURCE_DIR=${SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
BUILD_DIR=${BUILD_DIR:-$SOURCE_DIR/build}
CORE_LIB=${CORE_LIB:-$BUILD_DIR/libappraise_core.a}
SCRIPT_LIB=${SCRIPT_LIB:-$BUILD_DIR/libappraise_script.a}
PLATFORM_LIB=${PLATFORM_LIB:-$BUILD_DIR/libappraise_platform.a}
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

check_folder engine/core "engine/core" 'lua|lauxlib|lualib|luaconf|SDL'
check_folder engine/script "engine/script engine/core" 'SDL'
check_folder engine/platform "engine/platform" 'lua|lauxlib|lualib|luaconf|SDL'

# ---- 3. another target's internal headers stay its own ----------------------
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

# ---- 4. (to come) no .c file in engine/ or tools/ over 900 lines -----------

# ---- 5. (to come) each record field name declared in exactly one header ----

if [ $failed = 0 ]; then
    echo "layers: ok"
fi
exit $failed
