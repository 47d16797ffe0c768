# Shared helpers for tuning/check and tuning/apply. Sourced, not executed.
# Reads only; every probe tolerates a missing file (VMs, containers, non-Intel CPUs) and yields "".

SYS_CPU=${LLT_SYS_CPU:-/sys/devices/system/cpu}
PROC=${LLT_PROC:-/proc}
SYS_KERNEL_MM=${LLT_SYS_KERNEL_MM:-/sys/kernel/mm}

# read_file PATH -> first line of PATH, or "" when missing/unreadable.
read_file() {
    local value=""
    if [[ -r "$1" ]]; then
        IFS= read -r value < "$1" 2>/dev/null || true
    fi
    printf '%s' "$value"
}

# cmdline_param NAME -> value of NAME=... on the kernel command line ("" if absent; "1" for a bare flag).
cmdline_param() {
    local word
    for word in $(read_file "$PROC/cmdline"); do
        [[ "$word" == "--" ]] && break
        case "$word" in
            "$1"=*) printf '%s' "${word#*=}"; return 0 ;;
            "$1") printf '1'; return 0 ;;
        esac
    done
    return 0
}

# expand_cpu_list "2,4-6" -> "2 4 5 6". Ignores isolcpus flags such as "domain," or "managed_irq,".
expand_cpu_list() {
    local list=$1 item first last cpu out=()
    IFS=',' read -r -a items <<< "$list"
    for item in "${items[@]}"; do
        item=${item// /}
        if [[ "$item" =~ ^([0-9]+)-([0-9]+)(:[0-9]+/[0-9]+)?$ ]]; then
            first=${BASH_REMATCH[1]}; last=${BASH_REMATCH[2]}
            for ((cpu = first; cpu <= last; cpu++)); do out+=("$cpu"); done
        elif [[ "$item" =~ ^[0-9]+$ ]]; then
            out+=("$item")
        fi
    done
    printf '%s' "${out[*]}"
}

# compress_cpu_list "0 1 2 5" -> "0-2,5"
compress_cpu_list() {
    local sorted cpu start="" prev="" out=""
    sorted=$(tr ' ' '\n' <<< "$1" | grep -E '^[0-9]+$' | sort -n | uniq | tr '\n' ' ')
    for cpu in $sorted; do
        if [[ -z "$start" ]]; then
            start=$cpu; prev=$cpu
        elif (( cpu == prev + 1 )); then
            prev=$cpu
        else
            out+="${out:+,}$start$([[ $start != "$prev" ]] && printf -- '-%s' "$prev")"
            start=$cpu; prev=$cpu
        fi
    done
    [[ -n "$start" ]] && out+="${out:+,}$start$([[ $start != "$prev" ]] && printf -- '-%s' "$prev")"
    printf '%s' "$out"
}

# isolated_cpus -> space-separated CPUs isolated from the scheduler or the tick, from every source.
isolated_cpus() {
    local isol nohz sysfs
    isol=$(cmdline_param isolcpus)
    nohz=$(cmdline_param nohz_full)
    sysfs=$(read_file "$SYS_CPU/isolated")
    printf '%s %s %s' "$(expand_cpu_list "$isol")" "$(expand_cpu_list "$nohz")" "$(expand_cpu_list "$sysfs")" \
        | tr ' ' '\n' | grep -E '^[0-9]+$' | sort -n | uniq | tr '\n' ' ' | sed 's/ $//'
}

# online_cpus -> space-separated online CPUs.
online_cpus() {
    local online
    online=$(read_file "$SYS_CPU/online")
    if [[ -z "$online" ]]; then
        online="0-$(( $(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1) - 1 ))"
    fi
    expand_cpu_list "$online"
}

# housekeeping_cpus -> online CPUs that are not isolated.
housekeeping_cpus() {
    local isolated cpu out=()
    isolated=" $(isolated_cpus) "
    for cpu in $(online_cpus); do
        [[ "$isolated" == *" $cpu "* ]] || out+=("$cpu")
    done
    printf '%s' "${out[*]}"
}

# irqbalance_running -> exit 0 if an irqbalance process exists.
irqbalance_running() {
    if [[ "$PROC" == "/proc" ]] && command -v pgrep >/dev/null 2>&1; then
        pgrep -x irqbalance >/dev/null 2>&1
    else
        local comm
        for comm in "$PROC"/[0-9]*/comm; do
            [[ "$(read_file "$comm")" == "irqbalance" ]] && return 0
        done
        return 1
    fi
}

# cpu_mask "0 1 5" -> "23": the hex form /proc/irq/default_smp_affinity takes (32-bit words, comma-separated).
cpu_mask() {
    local cpu max=0 words=() i out=""
    for cpu in $1; do (( cpu > max )) && max=$cpu; done
    for ((i = 0; i <= max / 32; i++)); do words[i]=0; done
    for cpu in $1; do words[cpu / 32]=$(( words[cpu / 32] | (1 << (cpu % 32)) )); done
    for ((i = max / 32; i >= 0; i--)); do
        if [[ -z "$out" ]]; then out=$(printf '%x' "${words[i]}"); else out+=$(printf ',%08x' "${words[i]}"); fi
    done
    printf '%s' "$out"
}
