#!/bin/sh
# The Italian translation is complete and valid, and POTFILES.in lists every
# file with translatable strings.
set -eu
src="$1"
build="$2"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
n=0
fail=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
notok () { n=$((n + 1)); fail=1; echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }

cd "$src"

# 1. every file that marks strings is in POTFILES.in
missing=""
for f in $(grep -rlE '(_|N_|C_|ngettext) ?\(|translatable="yes"' src data --include='*.c' --include='*.ui' --include='*.in' 2>/dev/null | sort); do
  grep -qxF "$f" po/POTFILES.in || missing="$missing $f"
done
if [ -z "$missing" ]; then ok "POTFILES.in lists every file with strings"; else notok "POTFILES.in misses files" "$missing"; fi

# 2. a fresh template, made as meson's glib preset makes it
xgettext --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
  --keyword=NC_:1c,2 --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 \
  --keyword=g_dpgettext2:2c,3 --keyword=ngettext:1,2 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  --files-from=po/POTFILES.in --directory="$src" --output="$tmp/sportello.pot" 2>"$tmp/xgettext.err" \
  && ok "xgettext reads every file" || notok "xgettext failed" "$(cat "$tmp/xgettext.err")"

# 3. it.po has every message of the template, none fuzzy or untranslated
if msgcmp po/it.po "$tmp/sportello.pot" 2>"$tmp/msgcmp.err"; then
  ok "msgcmp po/it.po against a fresh template"
else
  notok "it.po lacks messages" "$(head -40 "$tmp/msgcmp.err")"
fi
stats="$(LC_ALL=C msgfmt --check --statistics -o "$tmp/it.mo" po/it.po 2>&1)" || notok "msgfmt --check" "$stats"
case "$stats" in
  *fuzzy*|*untranslated*) notok "it.po has fuzzy or untranslated messages" "$stats" ;;
  *) ok "it.po complete: $stats" ;;
esac

# 4. the built catalog is there for the Italian tests
if [ -f "$build/po/it/LC_MESSAGES/sportello.mo" ]; then ok "built it.mo"; else notok "no built it.mo" "$build/po/it/LC_MESSAGES/sportello.mo"; fi

# 5. the user guide's Italian translation covers every paragraph of the pages
if command -v itstool >/dev/null; then
  (cd help/C && itstool -o "$tmp/help.pot" *.page legal.xml) 2>"$tmp/itstool.err" \
    || notok "itstool failed" "$(cat "$tmp/itstool.err")"
  if msgcmp help/it/it.po "$tmp/help.pot" 2>"$tmp/help-msgcmp.err"; then
    ok "msgcmp help/it/it.po against the pages"
  else
    notok "help/it/it.po lacks messages" "$(head -40 "$tmp/help-msgcmp.err")"
  fi
  hstats="$(LC_ALL=C msgfmt --check --statistics -o "$tmp/help.mo" help/it/it.po 2>&1)" || notok "msgfmt --check help" "$hstats"
  case "$hstats" in
    *fuzzy*|*untranslated*) notok "help/it/it.po has fuzzy or untranslated messages" "$hstats" ;;
    *) ok "help/it/it.po complete: $hstats" ;;
  esac
else
  notok "itstool is not installed"
fi

echo "1..$n"
exit $fail
