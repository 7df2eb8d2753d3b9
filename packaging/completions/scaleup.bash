# bash completion for scaleup(1): subcommands, options, scenario ids, roles.
# Copyright 2026 The ScaleUp authors; MIT License.

_scaleup_ids()
{
    local ids="@SCALEUP_SCENARIO_IDS@" dir main
    dir=${XDG_DATA_HOME:-$HOME/.local/share}/scaleup/scenarios
    for main in "$dir"/*/main.lua; do
        [ -e "$main" ] || continue
        main=${main%/main.lua}
        ids="$ids ${main##*/}"
    done
    printf '%s\n' $ids
}

_scaleup()
{
    local cur prev cmd i opts
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD - 1]}
    local limits="--max-memory --max-instructions --max-call-ms"
    local common="-h --help --version"
    cmd=""
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
            play | lint | explore | test | map | lsp | new | report | host | help)
                cmd=${COMP_WORDS[i]}
                break
                ;;
        esac
    done
    case $prev in
        --role)
            COMPREPLY=($(compgen -W "@SCALEUP_ROLES@" -- "$cur"))
            return
            ;;
        --timers)
            COMPREPLY=($(compgen -W "on slow off" -- "$cur"))
            return
            ;;
        --format)
            COMPREPLY=($(compgen -W "dot svg" -- "$cur"))
            return
            ;;
        --results | --resume | --font | --file | --output | --csv | --decisions-csv | --html | --xapi | \
            --ready-file)
            COMPREPLY=($(compgen -f -- "$cur"))
            return
            ;;
        --player | --partner | --seed | --choices | --max-memory | --max-instructions | \
            --max-call-ms | --random | --max-states | --jobs | --xapi-homepage | --xapi-pass | --port | \
            --bind)
            return
            ;;
    esac
    case $cmd in
        "" | play)
            opts="--text --role --player --seed --choices --no-coaching --plain --timers
                  --results --resume --watch --duet --partner --font --fullscreen --kiosk --presenter
                  $limits $common"
            ;;
        lint) opts="--strict --json --no-play --no-tells $limits $common" ;;
        explore) opts="--random --seed --exhaustive --max-states --jobs --all-runs --role --duet --strict --policies --seeds --json $limits $common" ;;
        test) opts="--file $common" ;;
        map) opts="--format --direction --output $common" ;;
        new) opts="$common" ;;
        report)
            opts="--scenario --csv --decisions-csv --html --json --xapi --xapi-homepage --xapi-mbox --xapi-pass
                  --quiet $common"
            ;;
        host) opts="--results --port --bind --seed --no-coaching --timers --ready-file $limits $common" ;;
        help)
            COMPREPLY=($(compgen -W "play lint explore test map lsp new report host" -- "$cur"))
            return
            ;;
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
        return
    fi
    case $cmd in
        "")
            COMPREPLY=($(compgen -W "play lint explore test map lsp new report host help" -- "$cur"))
            ;;
        play | lint | explore | test | map | host)
            COMPREPLY=($(compgen -W "$(_scaleup_ids)" -- "$cur") $(compgen -d -- "$cur")
                $(compgen -f -X '!*.lua' -- "$cur"))
            ;;
        new) COMPREPLY=($(compgen -d -- "$cur")) ;;
        report) COMPREPLY=($(compgen -d -- "$cur") $(compgen -f -X '!*.json' -- "$cur")) ;;
    esac
}
complete -F _scaleup scaleup
