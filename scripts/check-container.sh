#!/usr/bin/env bash
# Proves the Dockerfile's recipe on a machine with no container engine.
#
# The build stage's half: the release binary is built with the Dockerfile's own `swift build`
# flags (--static-swift-stdlib) and stripped, staged where the build stage stages it.
# The runtime stage's half: a Debian root of the runtime image's release is made with
# debootstrap (minbase, the make-up of debian:*-slim), and the runtime stage's instructions are
# carried out in it as Docker would: each RUN through /bin/sh -c inside the root (so the
# packages installed are exactly the ones the Dockerfile names, the user and folders exactly
# the ones it makes), COPY --from the staged build, ENV, USER, ENTRYPOINT and CMD. Then, inside
# the root as the image's user with the image's environment, it checks that ldd finds every
# library the binary needs, converts Samples/ and a scanned page, and runs the image's default
# command (watch) on one file up to SIGTERM.
#
#   scripts/check-container.sh                      # check ./Dockerfile
#   scripts/check-container.sh --dockerfile /tmp/D  # check another copy (e.g. with a package removed)
#   scripts/check-container.sh --print-packages     # the runtime packages it reads, one a line
#
# Runs as root (debootstrap, chroot, mounts); installs debootstrap and the build stage's
# packages if they are missing. The Debian root of the runtime stage's RUN steps is cached
# under the scratch folder, keyed by a hash of those steps (the package list among them), so a
# rerun with the same list only copies it. Every mount is made in a private mount namespace
# and undone on exit.
set -euo pipefail

script=$(realpath "${BASH_SOURCE[0]}")
cd "$(dirname "$script")/.."
repo=$PWD

dockerfile=Dockerfile
scratch=.build-container
mode=check
fresh=0
mirror=${MIRROR:-http://deb.debian.org/debian}
security_mirror=${SECURITY_MIRROR:-http://deb.debian.org/debian-security}
# The PATH of Debian's official images; a RUN and the container's process get it.
image_path=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
watch_timeout=${WATCH_TIMEOUT:-300}

usage() {
  cat <<EOF
usage: scripts/check-container.sh [--dockerfile PATH] [--scratch DIR] [--fresh] [--print-packages]
  --dockerfile PATH   the Dockerfile to prove (default: Dockerfile)
  --scratch DIR       build folder for the binary and the Debian roots (default: .build-container)
  --fresh             rebuild the Debian roots even if the cached ones match
  --print-packages    print the runtime stage's apt-get install packages, one a line, and exit
EOF
}

orig_args=("$@")
while [ $# -gt 0 ]; do
  case $1 in
    --dockerfile) [ $# -ge 2 ] || { usage >&2; exit 2; }; dockerfile=$2; shift 2 ;;
    --dockerfile=*) dockerfile=${1#*=}; shift ;;
    --scratch) [ $# -ge 2 ] || { usage >&2; exit 2; }; scratch=$2; shift 2 ;;
    --scratch=*) scratch=${1#*=}; shift ;;
    --fresh) fresh=1; shift ;;
    --print-packages) mode=print; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "check-container: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
done

die() { echo "check-container: $*" >&2; exit 1; }
say() { echo "check-container: $*"; }

[ -f "$dockerfile" ] || die "no Dockerfile at $dockerfile"
dockerfile=$(realpath "$dockerfile")

# ---------------------------------------------------------------------------------------------
# Reading the Dockerfile

# One instruction a line: comment lines dropped (inside continuations too, as Docker does),
# lines ending in a backslash joined to the next.
dockerfile_instructions() {
  awk '
    { sub(/\r$/, "") }
    /^[[:space:]]*#/ { next }
    /^[[:space:]]*$/ { next }
    /\\[[:space:]]*$/ { sub(/\\[[:space:]]*$/, ""); cur = cur $0; next }
    { print cur $0; cur = "" }
    END { if (cur != "") print cur }
  ' "$1"
}

declare -A build_args=()
stage_count=0
declare -a stage_image=() stage_name=()
declare -a instr_stage=() instr_word=() instr_rest=()

expand_args() {
  local s=$1 k
  for k in "${!build_args[@]}"; do
    s=${s//"\${$k}"/${build_args[$k]}}
    s=${s//"\$$k"/${build_args[$k]}}
  done
  printf '%s' "$s"
}

unquote() { local v=$1; v=${v#\"}; v=${v%\"}; v=${v#\'}; v=${v%\'}; printf '%s' "$v"; }

while IFS= read -r line; do
  [[ $line =~ ^[[:space:]]*([A-Za-z]+)[[:space:]]*(.*)$ ]] || continue
  word=${BASH_REMATCH[1]^^}
  rest=${BASH_REMATCH[2]}
  case $word in
    ARG)
      if [[ $rest =~ ^([A-Za-z_][A-Za-z0-9_]*)=(.*)$ ]]; then
        build_args[${BASH_REMATCH[1]}]=$(unquote "${BASH_REMATCH[2]}")
      fi
      [ "$stage_count" -eq 0 ] && continue ;;
    FROM)
      read -ra f <<<"$rest"
      [[ ${f[0]} == --platform=* ]] && f=("${f[@]:1}")
      stage_image[stage_count]=$(expand_args "${f[0]}")
      stage_name[stage_count]=""
      if [ ${#f[@]} -ge 3 ] && [ "${f[1]^^}" = AS ]; then stage_name[stage_count]=${f[2]}; fi
      stage_count=$((stage_count + 1))
      continue ;;
  esac
  [ "$stage_count" -gt 0 ] || die "$dockerfile: $word before the first FROM"
  instr_stage+=($((stage_count - 1)))
  instr_word+=("$word")
  instr_rest+=("$rest")
done < <(dockerfile_instructions "$dockerfile")

[ "$stage_count" -ge 2 ] || die "$dockerfile: expected a build stage and a runtime stage, found $stage_count FROM"
runtime_stage=$((stage_count - 1))

# The words after `apt-get install` (its options left out) up to the end of that command.
packages_of_run() {
  local -a words
  local w prev="" prev2="" taking=0 skip=0
  read -ra words <<<"$1"
  for w in "${words[@]}"; do
    if [ $taking -eq 1 ]; then
      if [ $skip -eq 1 ]; then skip=0; continue; fi
      case $w in
        '&&'|'||'|';'|'|'|'>'|'2>'|'>/dev/null') taking=0 ;;
        -o|-t|-c) skip=1 ;;
        -*) ;;
        *\;) echo "${w%;}"; taking=0 ;;
        *) echo "$w" ;;
      esac
    elif [ "$w" = install ] && { [ "$prev" = apt-get ] || [ "$prev" = apt ] || [[ $prev == -* && $prev2 == apt-get ]]; }; then
      taking=1
    fi
    prev2=$prev; prev=$w
  done
}

stage_packages() {
  local i
  for i in "${!instr_word[@]}"; do
    [ "${instr_stage[i]}" -eq "$1" ] && [ "${instr_word[i]}" = RUN ] && packages_of_run "${instr_rest[i]}"
  done
  return 0
}

mapfile -t runtime_packages < <(stage_packages "$runtime_stage")

if [ "$mode" = print ]; then
  printf '%s\n' "${runtime_packages[@]}"
  exit 0
fi

[ "$(id -u)" -eq 0 ] || die "needs root (debootstrap, chroot and mounts); run it with sudo"

# Every mount below is made in a private mount namespace, so none can outlive the script even
# if it is killed with SIGKILL; the trap also undoes them one by one on any exit.
if [ -z "${CHECK_CONTAINER_NS:-}" ] && unshare --mount --propagation private true 2>/dev/null; then
  exec env CHECK_CONTAINER_NS=1 unshare --mount --propagation private bash "$script" "${orig_args[@]}"
fi

started=$(date +%s)
phase_started=$started
phase() { local now; now=$(date +%s); say "$1 ($((now - phase_started)) s)"; phase_started=$now; }

runtime_image=${stage_image[runtime_stage]}
[[ $runtime_image =~ ^(docker\.io/)?(library/)?debian:([a-z]+)(-slim)?$ ]] \
  || die "$dockerfile: the runtime stage is FROM '$runtime_image'; this check knows how to make debian:RELEASE[-slim] only"
suite=${BASH_REMATCH[3]}

# The stage the runtime stage copies from is the build stage.
build_stage=""
for i in "${!instr_word[@]}"; do
  [ "${instr_stage[i]}" -eq "$runtime_stage" ] && [ "${instr_word[i]}" = COPY ] || continue
  [[ ${instr_rest[i]} =~ --from=([^[:space:]]+) ]] || continue
  for s in $(seq 0 $((stage_count - 1))); do
    [ "${stage_name[s]}" = "${BASH_REMATCH[1]}" ] && build_stage=$s
  done
done
[ -n "$build_stage" ] || die "$dockerfile: the runtime stage copies from no named build stage"

say "proving $dockerfile"
say "runtime stage: FROM $runtime_image (Debian $suite), packages: ${runtime_packages[*]:-(none)}"

# ---------------------------------------------------------------------------------------------
# Tools on this machine

mapfile -t build_packages < <(stage_packages "$build_stage")
need=()
command -v debootstrap >/dev/null 2>&1 || need+=(debootstrap)
command -v strip >/dev/null 2>&1 || need+=(binutils)
for p in "${build_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  say "installing on this machine: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
source scripts/setup.sh

# ---------------------------------------------------------------------------------------------
# The build stage: its own `swift build` command, in a scratch folder of ours

build_text=""
for i in "${!instr_word[@]}"; do
  [ "${instr_stage[i]}" -eq "$build_stage" ] && [ "${instr_word[i]}" = RUN ] || continue
  [[ ${instr_rest[i]} == *"swift build"* ]] && { build_text=${instr_rest[i]}; break; }
done
[ -n "$build_text" ] || die "$dockerfile: no 'swift build' in the build stage"
# The words of the first `swift build` command, up to the end of that command.
read -ra words <<<"${build_text#*swift build}"
swift_flags=()
for w in "${words[@]}"; do
  case $w in '&&'|'||'|';'|'|') break ;; esac
  swift_flags+=("$w")
done
# Where the build stage stages the binary and the pipelines (both under /staging, copied to /).
[[ $build_text =~ install\ -D\ [^\&]*/minutes\"?[[:space:]]+/staging(/[^[:space:]]+) ]] \
  || die "$dockerfile: cannot read where the build stage installs the binary (install -D …/minutes /staging/…)"
bin_path=${BASH_REMATCH[1]}
[[ $build_text =~ pipelines/\*\.yml\ /staging(/[^[:space:]]+) ]] \
  || die "$dockerfile: cannot read where the build stage installs pipelines/*.yml"
pipelines_path=${BASH_REMATCH[1]%/}
do_strip=0
[[ $build_text == *"strip "* ]] && do_strip=1

mkdir -p "$scratch"
scratch=$(realpath "$scratch")
# SwiftPM owns the scratch folder; the staged files, the Debian roots and the logs live in check/.
work=$scratch/check
log_dir=$work/logs
mkdir -p "$log_dir"

say "build stage: swift build ${swift_flags[*]} --scratch-path $scratch$([ $do_strip -eq 1 ] && echo ', stripped')"
if ! swift build "${swift_flags[@]}" --scratch-path "$scratch" >"$log_dir/build.log" 2>&1; then
  tail -n 30 "$log_dir/build.log" >&2
  die "the release build failed (log: $log_dir/build.log)"
fi
bin_dir=$(swift build "${swift_flags[@]}" --scratch-path "$scratch" --show-bin-path)
staging=$work/staging
rm -rf "$staging"
install -D "$bin_dir/minutes" "$staging$bin_path"
[ $do_strip -eq 1 ] && strip "$staging$bin_path"
install -d "$staging$pipelines_path"
install -m 0644 pipelines/*.yml "$staging$pipelines_path/"
phase "built $bin_path ($(du -h "$staging$bin_path" | cut -f1)), pipelines in $pipelines_path"

# ---------------------------------------------------------------------------------------------
# Mounts: what Docker gives a container (proc, a read-only sys, a small /dev)

mounts=()
watch_pid=""

mount_into() { # root
  local r=$1
  mount -t proc proc "$r/proc"; mounts+=("$r/proc")
  if mount -t sysfs -o ro,nosuid,nodev,noexec sysfs "$r/sys" 2>/dev/null; then mounts+=("$r/sys"); fi
  mount -t tmpfs -o mode=755,nosuid,size=16m tmpfs "$r/dev"; mounts+=("$r/dev")
  mknod -m 666 "$r/dev/null" c 1 3
  mknod -m 666 "$r/dev/zero" c 1 5
  mknod -m 666 "$r/dev/full" c 1 7
  mknod -m 666 "$r/dev/random" c 1 8
  mknod -m 666 "$r/dev/urandom" c 1 9
  mknod -m 666 "$r/dev/tty" c 5 0
  ln -s /proc/self/fd "$r/dev/fd"
  ln -s /proc/self/fd/0 "$r/dev/stdin"
  ln -s /proc/self/fd/1 "$r/dev/stdout"
  ln -s /proc/self/fd/2 "$r/dev/stderr"
  mkdir -p "$r/dev/shm" "$r/dev/pts"
  mount -t tmpfs -o mode=1777,nosuid,nodev,size=64m shm "$r/dev/shm"; mounts+=("$r/dev/shm")
}

unmount_all() {
  local i
  for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do
    umount "${mounts[i]}" 2>/dev/null || umount -l "${mounts[i]}" 2>/dev/null \
      || echo "check-container: warning: could not unmount ${mounts[i]}" >&2
  done
  mounts=()
}

# Anything still mounted under a folder (a run killed before this script used a namespace).
unmount_under() {
  local dir=$1 m
  while read -r m; do
    [ -n "$m" ] && { umount "$m" 2>/dev/null || umount -l "$m"; }
  done < <(findmnt -rn -o TARGET | grep -F "$dir/" | sort -r)
  return 0
}

remove_root() {
  unmount_under "$1"
  if findmnt -rn -o TARGET | grep -qF "$1/"; then die "refusing to delete $1: something is still mounted in it"; fi
  rm -rf --one-file-system "$1"
}

cleanup() {
  local rc=$?
  if [ -n "$watch_pid" ] && kill -0 "$watch_pid" 2>/dev/null; then
    kill -TERM "$watch_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$watch_pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$watch_pid" 2>/dev/null || true
    wait "$watch_pid" 2>/dev/null || true
  fi
  # Anything else still running inside a root of ours was started by this script: end it by pid.
  local link pid
  for link in /proc/[0-9]*/root; do
    case $(readlink "$link" 2>/dev/null) in
      "$work"/*) pid=${link#/proc/}; pid=${pid%/root}; kill -KILL "$pid" 2>/dev/null || true ;;
    esac
  done
  unmount_all
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------------------------
# The runtime stage, carried out in a Debian root

declare -A env_vars=()
env_order=()
run_user=root
workdir=/
entrypoint=()
cmd=()
volumes=()

set_env() {
  [ -n "${env_vars[$1]+x}" ] || env_order+=("$1")
  env_vars[$1]=$2
}

env_list() { # the environment of a process in the image
  local k
  echo "PATH=$image_path"
  echo "HOSTNAME=check-container"
  echo "HOME=$1"
  for k in "${env_order[@]}"; do [ "$k" = PATH ] || echo "$k=${env_vars[$k]}"; done
  [ -n "${env_vars[PATH]+x}" ] && echo "PATH=${env_vars[PATH]}"
  return 0
}

# user[:group] of the image → uid gid groups home, read from the root's own passwd and group.
resolve_user() { # root spec
  local r=$1 spec=$2 user group uid gid home groups
  user=${spec%%:*}; group=""; [[ $spec == *:* ]] && group=${spec#*:}
  if [[ $user =~ ^[0-9]+$ ]]; then
    uid=$user
    IFS=: read -r _ _ _ gid _ home _ < <(awk -F: -v u="$uid" '$3 == u' "$r/etc/passwd" | head -n 1) || true
    user=$(awk -F: -v u="$uid" '$3 == u { print $1; exit }' "$r/etc/passwd")
  else
    IFS=: read -r _ _ uid gid _ home _ < <(awk -F: -v u="$user" '$1 == u' "$r/etc/passwd") \
      || die "USER $spec: no user '$user' in the image's /etc/passwd"
  fi
  if [ -n "$group" ]; then
    if [[ $group =~ ^[0-9]+$ ]]; then gid=$group
    else gid=$(awk -F: -v g="$group" '$1 == g { print $3 }' "$r/etc/group")
      [ -n "$gid" ] || die "USER $spec: no group '$group' in the image's /etc/group"
    fi
  fi
  gid=${gid:-0}
  home=${home:-/}
  groups=$gid
  if [ -n "$user" ] && [ -z "$group" ]; then
    for g in $(awk -F: -v u="$user" '{ n = split($4, m, ","); for (i = 1; i <= n; i++) if (m[i] == u) print $3 }' "$r/etc/group"); do
      groups="$groups,$g"
    done
  fi
  echo "$uid $gid $groups $home"
}

# Runs a command in the root as the image's user (or another spec) with the image's environment.
in_root() { # root userspec command…
  local r=$1 spec=$2 uid gid groups home
  shift 2
  read -r uid gid groups home < <(resolve_user "$r" "$spec")
  local -a envs
  mapfile -t envs < <(env_list "$home")
  chroot --userspec="$uid:$gid" --groups="$groups" "$r" /usr/bin/env -i "${envs[@]}" "$@"
}

# The same, replacing the calling (sub)shell, so that `in_root_exec … &` leaves $! the pid of
# the command itself and a signal sent to it reaches the program.
in_root_exec() { # root userspec command…
  local r=$1 spec=$2 uid gid groups home
  shift 2
  read -r uid gid groups home < <(resolve_user "$r" "$spec")
  local -a envs
  mapfile -t envs < <(env_list "$home")
  exec chroot --userspec="$uid:$gid" --groups="$groups" "$r" /usr/bin/env -i "${envs[@]}" "$@"
}

json_array() { # a JSON exec-form array of plain strings → one word a line
  grep -o '"[^"]*"' <<<"$1" | sed 's/^"//; s/"$//'
}

# Carries out the runtime stage's instructions: "layer" runs the RUN steps before the first COPY
# (the cached part), "final" the rest; both record ENV, USER, WORKDIR, VOLUME and the command.
walk_runtime() { # phase root
  local phase=$1 r=$2 i n=0 seen_copy=0 word rest
  env_vars=(); env_order=(); run_user=root; workdir=/; entrypoint=(); cmd=(); volumes=()
  local -a stage_args=()
  for i in "${!instr_word[@]}"; do
    [ "${instr_stage[i]}" -eq "$runtime_stage" ] || continue
    word=${instr_word[i]}; rest=${instr_rest[i]}
    case $word in
      COPY|ADD) seen_copy=1 ;;
    esac
    local run_now=0
    { [ "$phase" = layer ] && [ $seen_copy -eq 0 ]; } || { [ "$phase" = final ] && [ $seen_copy -eq 1 ]; } && run_now=1
    case $word in
      # A build argument reaches the RUN steps after it, not the image's environment.
      ARG) [[ $rest =~ ^([A-Za-z_][A-Za-z0-9_]*)=(.*)$ ]] && stage_args+=("${BASH_REMATCH[1]}=$(unquote "${BASH_REMATCH[2]}")") ;;
      ENV)
        if [[ $rest =~ ^[A-Za-z_][A-Za-z0-9_]*= ]]; then
          local -a kv; read -ra kv <<<"$rest"
          local pair; for pair in "${kv[@]}"; do set_env "${pair%%=*}" "$(unquote "${pair#*=}")"; done
        else
          set_env "${rest%%[[:space:]]*}" "$(unquote "${rest#*[[:space:]]}")"
        fi ;;
      USER) run_user=$rest ;;
      WORKDIR) workdir=$rest; [ $run_now -eq 1 ] && mkdir -p "$r$workdir" ;;
      VOLUME)
        if [[ $rest == \[* ]]; then mapfile -t -O "${#volumes[@]}" volumes < <(json_array "$rest")
        else read -ra v <<<"$rest"; volumes+=("${v[@]}"); fi ;;
      ENTRYPOINT) [[ $rest == \[* ]] || die "ENTRYPOINT in shell form is not supported here"; mapfile -t entrypoint < <(json_array "$rest") ;;
      CMD) [[ $rest == \[* ]] || die "CMD in shell form is not supported here"; mapfile -t cmd < <(json_array "$rest") ;;
      LABEL|EXPOSE|STOPSIGNAL|HEALTHCHECK) ;;
      RUN)
        [[ $rest == --* || $rest == \[* ]] && die "RUN with flags or in exec form is not supported in the runtime stage: $rest"
        if [ $run_now -eq 1 ]; then
          n=$((n + 1))
          cp /etc/resolv.conf "$r/etc/resolv.conf"
          say "RUN (step $n of the runtime stage) in the root as $run_user"
          if ! in_root "$r" "$run_user" /usr/bin/env "${stage_args[@]}" /bin/sh -c "cd '$workdir' && $rest" >>"$log_dir/runtime-run.log" 2>&1; then
            tail -n 30 "$log_dir/runtime-run.log" >&2
            die "a RUN step of the runtime stage failed in the root (log: $log_dir/runtime-run.log): $rest"
          fi
        fi ;;
      COPY)
        if [ $run_now -eq 1 ]; then
          local -a c; read -ra c <<<"$rest"
          local from="" chown=""
          while [[ ${c[0]} == --* ]]; do
            case ${c[0]} in
              --from=*) from=${c[0]#--from=} ;;
              --chown=*) chown=${c[0]#--chown=} ;;
              *) die "COPY ${c[0]} is not supported here" ;;
            esac
            c=("${c[@]:1}")
          done
          [ ${#c[@]} -eq 2 ] || die "COPY with other than one source and one destination: $rest"
          local src=${c[0]} dest=${c[1]} base
          if [ -n "$from" ]; then
            [ "$from" = "${stage_name[build_stage]}" ] || die "COPY --from=$from: only the build stage is known here"
            [[ $src == /staging* ]] || die "COPY --from=$from $src: only /staging is staged here"
            base=$staging${src#/staging}
          else
            base=$repo/$src
          fi
          say "COPY ${from:+--from=$from }$src $dest"
          mkdir -p "$r$dest"
          # Docker's COPY makes root the owner unless --chown says otherwise.
          tar -C "$base" -cf - . | tar -C "$r$dest" -xf - --no-same-owner --no-overwrite-dir
          if [ -n "$chown" ]; then
            local ug; read -r ug _ < <(resolve_user "$r" "$chown" | awk '{ print $1 ":" $2 }')
            (cd "$base" && find . -mindepth 1) | while read -r f; do chown -h "$ug" "$r$dest/$f"; done
          fi
        fi ;;
      *) die "$word in the runtime stage is not supported by this check" ;;
    esac
  done
  return 0
}

# The base: debootstrap minbase (what debian:RELEASE-slim is made of) with the image's sources.
base=$work/debian-$suite-base
base_key=$(printf 'debootstrap --variant=minbase %s %s %s (1)\n' "$suite" "$mirror" "$security_mirror" | sha256sum | cut -c1-16)
if [ $fresh -eq 1 ] || [ "$(cat "$base.stamp" 2>/dev/null)" != "$base_key" ]; then
  remove_root "$base"; remove_root "$base.tmp"; rm -f "$base.stamp"
  say "debootstrap --variant=minbase $suite (log: $log_dir/debootstrap.log)"
  if ! debootstrap --variant=minbase "$suite" "$base.tmp" "$mirror" >"$log_dir/debootstrap.log" 2>&1; then
    tail -n 20 "$log_dir/debootstrap.log" >&2
    die "debootstrap failed (log: $log_dir/debootstrap.log)"
  fi
  rm -f "$base.tmp/etc/apt/sources.list"
  cat >"$base.tmp/etc/apt/sources.list.d/debian.sources" <<EOF
Types: deb
URIs: $mirror
Suites: $suite $suite-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: $security_mirror
Suites: $suite-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  # Like the official images: no package lists and no downloaded packages kept.
  rm -rf "$base.tmp"/var/lib/apt/lists/* "$base.tmp"/var/cache/apt/archives/*.deb
  mv "$base.tmp" "$base"
  echo "$base_key" >"$base.stamp"
  phase "made the Debian $suite base root"
else
  say "Debian $suite base root: cached ($base)"
fi

# The layer: the runtime stage up to its first COPY (its apt-get install among it), cached by a
# hash of those instructions and the base.
layer_text=$(for i in "${!instr_word[@]}"; do
  [ "${instr_stage[i]}" -eq "$runtime_stage" ] || continue
  case ${instr_word[i]} in COPY|ADD) break ;; esac
  printf '%s %s\n' "${instr_word[i]}" "${instr_rest[i]}"
done)
layer_key=$(printf '%s\n%s\n' "$base_key" "$layer_text" | sha256sum | cut -c1-16)
layer=$work/runtime-layer
if [ $fresh -eq 1 ] || [ "$(cat "$layer.stamp" 2>/dev/null)" != "$layer_key" ]; then
  remove_root "$layer"; remove_root "$layer.tmp"; rm -f "$layer.stamp"
  cp -a "$base" "$layer.tmp"
  : >"$log_dir/runtime-run.log"
  mount_into "$layer.tmp"
  walk_runtime layer "$layer.tmp"
  unmount_all
  mv "$layer.tmp" "$layer"
  echo "$layer_key" >"$layer.stamp"
  phase "carried out the runtime stage's RUN steps in the root (key $layer_key)"
else
  say "runtime stage's RUN steps: cached root for this package list and these steps (key $layer_key)"
fi

# The container: a fresh copy of the layer, then the rest of the stage (COPY from the build).
root=$work/root
remove_root "$root"
cp -a "$layer" "$root"
mount_into "$root"
walk_runtime final "$root"
phase "container root ready: $root"

# ---------------------------------------------------------------------------------------------
# The checks

passed=0
failed=0
ok() { passed=$((passed + 1)); echo "  ok    $*"; }
fail() { failed=$((failed + 1)); echo "  FAIL  $*"; }

read -r uid gid groups home < <(resolve_user "$root" "$run_user")
binary=${entrypoint[0]:-}
say "checks, inside the root as USER $run_user (uid $uid, gid $gid) with the image's environment:"

# 1. The image runs as a user other than root.
if [ "$uid" != 0 ]; then ok "the image's user '$run_user' is not root (uid $uid)"
else fail "the image runs as root (USER is '$run_user')"; fi

# 2. The entrypoint is the staged binary.
if [ -n "$binary" ] && [ -x "$root$binary" ]; then ok "ENTRYPOINT $binary is an executable in the image"
else fail "ENTRYPOINT '${entrypoint[*]}' is not an executable in the image"; binary=$bin_path; fi

# 3. Every library the binary needs is found inside the root.
ldd_out=$(in_root "$root" "$run_user" /usr/bin/ldd "$binary" 2>&1) || true
missing=$(awk '/not found/ { print $1 }' <<<"$ldd_out" | sort -u)
resolved=$(grep -c '=> /' <<<"$ldd_out" || true)
if [ -z "$missing" ] && [ "$resolved" -gt 0 ]; then
  ok "ldd: all $resolved libraries $binary needs are found in the root"
elif [ -z "$missing" ]; then
  fail "ldd $binary printed no library: $ldd_out"
else
  for lib in $missing; do
    owner=$(dpkg -S "*/$lib" 2>/dev/null | head -n 1 | cut -d: -f1 || true)
    fail "missing library $lib: $binary needs it and no package the Dockerfile installs provides it${owner:+ (on this machine it comes from Debian package '$owner')}"
  done
fi

# 4. The tessdata folder the image points tesseract at holds the default language and OSD.
tessdata=${env_vars[TESSDATA_PREFIX]:-}
if [ -z "$tessdata" ]; then
  fail "the image sets no TESSDATA_PREFIX"
else
  for model in eng osd; do
    if in_root "$root" "$run_user" test -r "$tessdata/$model.traineddata"; then
      ok "tessdata: $tessdata/$model.traineddata is there and readable by $run_user"
    else
      fail "tessdata: no readable $tessdata/$model.traineddata in the image (TESSDATA_PREFIX=$tessdata)"
    fi
  done
fi

# 5. The volumes exist and the user can write them (the watcher writes /out and moves files in /in).
for v in "${volumes[@]}"; do
  if in_root "$root" "$run_user" sh -c "test -d '$v' && test -w '$v'"; then ok "VOLUME $v is a folder $run_user can write"
  else fail "VOLUME $v is not a folder $run_user can write"; fi
done
inbox=/in; outbox=/out
[ ${#cmd[@]} -ge 4 ] && [ "${cmd[0]}" = watch ] && inbox=${cmd[1]} && outbox=${cmd[3]}

# 6. The pipelines the build stage staged are where the binary looks for them.
# How many of the given paths exist (a glob that matched nothing counts 0).
count() { local n=0 f; for f in "$@"; do [ -e "$f" ] && n=$((n + 1)); done; echo $n; }

want=$(count pipelines/*.yml)
have=$(in_root "$root" "$run_user" sh -c "ls $(dirname "$binary")/../share/minutes/pipelines/*.yml 2>/dev/null | wc -l" || echo 0)
if [ "$have" -eq "$want" ] && in_root "$root" "$run_user" "$binary" pipelines >"$log_dir/pipelines.txt" 2>&1 \
   && grep -q "$pipelines_path/" "$log_dir/pipelines.txt"; then
  ok "pipelines: all $want profiles in $pipelines_path, and 'minutes pipelines' reads them from there"
else
  fail "pipelines: $have of $want profiles beside the binary, or 'minutes pipelines' failed: $(tail -n 3 "$log_dir/pipelines.txt" 2>/dev/null)"
fi

clear_volumes() { find "$root$inbox" "$root$outbox" -mindepth 1 -delete 2>/dev/null || true; }
# Files a user drops in belong to the user the container runs as.
drop() { install -o "$uid" -g "$gid" -m 0644 "$1" "$root$inbox/$2"; }

# 7. convert: the text samples and one scanned page (tesseract with its tessdata).
scan=Tests/MinutesTests/Fixtures/ocr/essex-pcc-scan-p1-top-150dpi.png
clear_volumes
mkdir -p "$root$inbox"
for f in Samples/*.pdf; do drop "$f" "$(basename "$f")"; done
drop "$scan" "$(basename "$scan")"
inputs=$(( $(count Samples/*.pdf) + 1 ))
t0=$(date +%s)
rc=0
in_root "$root" "$run_user" "$binary" convert "$inbox" --out "$outbox" >"$log_dir/convert.log" 2>&1 || rc=$?
t1=$(date +%s)
outputs=$(count "$root$outbox"/[!_]*.json)
if [ $rc -eq 0 ] && [ "$outputs" -eq "$inputs" ]; then
  ok "convert: $inputs inputs (Samples/*.pdf and $(basename "$scan")) → $outputs JSON files, exit 0 ($((t1 - t0)) s)"
else
  fail "convert: exit $rc, $outputs of $inputs JSON files; last lines: $(tail -n 5 "$log_dir/convert.log" | tr '\n' ' ')"
fi
# The scan's text came from tesseract: its source method is OCR and it names the people on the page.
scan_json=$root$outbox/$(basename "$scan" .png).json
if [ -f "$scan_json" ] && grep -qE '"method" *: *"ocr"' "$scan_json" && grep -q 'Roger Hirst' "$scan_json"; then
  ok "OCR: tesseract read the scanned page inside the root (method ocr, $(grep -oE '"ocrConfidence" *: *[0-9.]+' "$scan_json" | grep -oE '[0-9.]+$') confidence, the attendees' names found)"
else
  fail "OCR: the scanned page's JSON is missing or holds no OCR text ($(grep -i -m 2 -E 'tess|ocr|error' "$log_dir/convert.log" | tr '\n' ' '))"
fi
if in_root "$root" "$run_user" sh -c "'$binary' validate '$outbox'/[!_]*.json" >"$log_dir/validate.log" 2>&1; then
  ok "validate: every minutes/1 file written in the root passes 'minutes validate'"
else
  fail "validate: $(tail -n 3 "$log_dir/validate.log" | tr '\n' ' ')"
fi

# 8. README's `docker run --user "$(id -u):$(id -g)"` with bind mounts: a uid the image's passwd
#    does not know, writing folders that uid owns.
any=4321
clear_volumes
mkdir -p "$root/tmp/as-$any/in" "$root/tmp/as-$any/out"
cp Samples/*.pdf "$root/tmp/as-$any/in/"
chown -R "$any:$any" "$root/tmp/as-$any"
rc=0
in_root "$root" "$any:$any" "$binary" convert "/tmp/as-$any/in" --out "/tmp/as-$any/out" >"$log_dir/convert-any-user.log" 2>&1 || rc=$?
outputs=$(count "$root/tmp/as-$any/out"/[!_]*.json)
if [ $rc -eq 0 ] && [ "$outputs" -eq "$((inputs - 1))" ]; then
  ok "convert as --user $any:$any (not in the image's passwd) into folders that uid owns: $outputs JSON files, exit 0"
else
  fail "convert as --user $any:$any: exit $rc, $outputs JSON files: $(tail -n 3 "$log_dir/convert-any-user.log" | tr '\n' ' ')"
fi
rm -rf "$root/tmp/as-$any"

# 9. The image's default command (ENTRYPOINT + CMD): watch, one file, SIGTERM.
clear_volumes
sample=$(ls -S Samples/*.pdf | tail -n 1)
name=$(basename "$sample" .pdf)
in_root_exec "$root" "$run_user" "${entrypoint[@]}" "${cmd[@]}" >"$log_dir/watch.log" 2>&1 &
watch_pid=$!
sleep 2
if ! kill -0 "$watch_pid" 2>/dev/null; then
  rc=0; wait "$watch_pid" || rc=$?; watch_pid=""
  fail "watch: the default command '${entrypoint[*]} ${cmd[*]}' exited at once (status $rc): $(tail -n 3 "$log_dir/watch.log" | tr '\n' ' ')"
else
  drop "$sample" "$name.pdf"
  t0=$(date +%s)
  while [ ! -f "$root$outbox/$name.json" ] && [ $(( $(date +%s) - t0 )) -lt "$watch_timeout" ] && kill -0 "$watch_pid" 2>/dev/null; do sleep 0.5; done
  t1=$(date +%s)
  seen=0; [ -f "$root$outbox/$name.json" ] && seen=1
  # The output appears before the input moves; give the move a moment before stopping.
  for _ in $(seq 20); do [ -f "$root$inbox/.done/$name.pdf" ] && break; sleep 0.25; done
  kill -TERM "$watch_pid" 2>/dev/null || true
  rc=0
  for _ in $(seq 240); do kill -0 "$watch_pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$watch_pid" 2>/dev/null; then kill -KILL "$watch_pid"; fi
  wait "$watch_pid" || rc=$?
  watch_pid=""
  if [ $seen -eq 1 ]; then ok "watch: $name.pdf dropped into $inbox → $outbox/$name.json in $((t1 - t0)) s"
  else fail "watch: no $outbox/$name.json after $((t1 - t0)) s: $(tail -n 3 "$log_dir/watch.log" | tr '\n' ' ')"; fi
  if [ -f "$root$inbox/.done/$name.pdf" ] && [ ! -e "$root$inbox/$name.pdf" ]; then ok "watch: the input moved to $inbox/.done/$name.pdf"
  else fail "watch: the input was not moved to $inbox/.done (inbox: $(ls -A "$root$inbox" 2>/dev/null | tr '\n' ' '))"; fi
  if [ $rc -eq 0 ]; then ok "watch: SIGTERM → exit 0"
  else fail "watch: SIGTERM → exit $rc: $(tail -n 3 "$log_dir/watch.log" | tr '\n' ' ')"; fi
fi

unmount_all
if findmnt -rn -o TARGET | grep -qF "$work/"; then fail "mounts left under $work"; fi

total=$(( $(date +%s) - started ))
if [ $failed -eq 0 ]; then
  say "all $passed checks passed ($total s; logs in $log_dir)"
else
  say "$failed of $((passed + failed)) checks FAILED ($total s; logs in $log_dir)"
  exit 1
fi
