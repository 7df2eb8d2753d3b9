# fish completion for scaleup(1): subcommands, options, scenario ids, roles.
# Copyright 2026 The ScaleUp authors; MIT License.

set -l commands play lint explore test map lsp new report host help

function __scaleup_ids
    printf '%s\n' @SCALEUP_SCENARIO_IDS@
    set -l data $XDG_DATA_HOME
    test -n "$data"; or set data $HOME/.local/share
    for main in $data/scaleup/scenarios/*/main.lua
        basename (dirname $main)
    end
end

complete -c scaleup -f
complete -c scaleup -n "not __fish_seen_subcommand_from $commands" -a play -d 'play a scenario'
complete -c scaleup -n "not __fish_seen_subcommand_from $commands" -a lint -d 'check scenarios for mistakes'
complete -c scaleup -n "not __fish_seen_subcommand_from $commands" -a explore -d 'play a scenario by machine'
complete -c scaleup -n "not __fish_seen_subcommand_from $commands" -a test -d 'run the playthrough tests'
complete -c scaleup -n "not __fish_seen_subcommand_from $commands" -a map -d 'draw the scene graph'
complete -c scaleup -n "not __fish_seen_subcommand_from $commands" -a lsp -d 'a language server for your editor'
complete -c scaleup -n "not __fish_seen_subcommand_from $commands" -a new -d 'create a scenario folder'
complete -c scaleup -n "not __fish_seen_subcommand_from $commands" -a report -d 'the facilitator debrief'
complete -c scaleup -n "not __fish_seen_subcommand_from $commands" -a host -d 'serve the game to browsers'
complete -c scaleup -n "not __fish_seen_subcommand_from $commands" -a help -d 'a command help'
complete -c scaleup -n "__fish_seen_subcommand_from help" -a "play lint explore test map lsp new report host"

complete -c scaleup -s h -l help -d 'show the help'
complete -c scaleup -l version -d 'show the version'

# Scenarios: an id, a folder or a .lua file.
complete -c scaleup -n "__fish_seen_subcommand_from play lint explore test map host" -a "(__scaleup_ids)" -d scenario
complete -c scaleup -n "__fish_seen_subcommand_from play lint explore test map" -a "(__fish_complete_suffix .lua)"
complete -c scaleup -n "__fish_seen_subcommand_from new report" -a "(__fish_complete_directories)"

set -l play "__fish_seen_subcommand_from play; or not __fish_seen_subcommand_from $commands"
complete -c scaleup -n $play -l text -d 'play in the terminal'
complete -c scaleup -n $play -l role -x -a "@SCALEUP_ROLES@" -d 'the role to play'
complete -c scaleup -n $play -l player -x -d 'the player or team name'
complete -c scaleup -n $play -l seed -x -d 'the run seed'
complete -c scaleup -n $play -l choices -x -d 'decisions to take, e.g. 1,3,2'
complete -c scaleup -n $play -l no-coaching -d 'exam mode'
complete -c scaleup -n $play -l plain -d 'ASCII only, for screen readers'
complete -c scaleup -n $play -l timers -x -a "on slow off" -d 'timed decisions'
complete -c scaleup -n $play -l results -r -F -d 'the result file folder'
complete -c scaleup -n $play -l resume -r -F -d 'continue a result or save file'
complete -c scaleup -n $play -l watch -d 'reload on change'
complete -c scaleup -n $play -l duet -d 'two players share one company'
complete -c scaleup -n $play -l partner -x -d 'the second player name'
complete -c scaleup -n $play -l font -r -F -d 'the window font'
complete -c scaleup -n $play -l fullscreen -d 'start fullscreen'
complete -c scaleup -n $play -l kiosk -d 'workshop kiosk mode'
complete -c scaleup -n $play -l presenter -d 'the window for a room'

set -l limited "__fish_seen_subcommand_from play lint explore host; or not __fish_seen_subcommand_from $commands"
complete -c scaleup -n $limited -l max-memory -x -d 'Lua memory, MiB'
complete -c scaleup -n $limited -l max-instructions -x -d 'instructions per call'
complete -c scaleup -n $limited -l max-call-ms -x -d 'milliseconds per call'

complete -c scaleup -n "__fish_seen_subcommand_from lint" -l strict -d 'warnings count as errors'
complete -c scaleup -n "__fish_seen_subcommand_from lint" -l no-play -d 'skip the tells that play'
complete -c scaleup -n "__fish_seen_subcommand_from lint" -l no-tells -d 'skip every tell'
complete -c scaleup -n "__fish_seen_subcommand_from explore" -l policies -d 'play naive strategies'
complete -c scaleup -n "__fish_seen_subcommand_from explore" -l strict -d 'unreached scenes are findings'
complete -c scaleup -n "__fish_seen_subcommand_from explore" -l seeds -x -d 'seeds per role for --policies'
complete -c scaleup -n "__fish_seen_subcommand_from lint explore" -l json -d 'as JSON'
complete -c scaleup -n "__fish_seen_subcommand_from explore" -l random -x -d 'random playthroughs per role'
complete -c scaleup -n "__fish_seen_subcommand_from explore" -l seed -x -d 'base seed'
complete -c scaleup -n "__fish_seen_subcommand_from explore" -l exhaustive -d 'every reachable state'
complete -c scaleup -n "__fish_seen_subcommand_from explore" -l max-states -x -d 'state limit'
complete -c scaleup -n "__fish_seen_subcommand_from explore" -l jobs -x -d 'worker processes'
complete -c scaleup -n "__fish_seen_subcommand_from explore" -l all-runs -d 'do not stop at a repeated error'
complete -c scaleup -n "__fish_seen_subcommand_from explore" -l role -x -a "@SCALEUP_ROLES@" -d 'only this role'
complete -c scaleup -n "__fish_seen_subcommand_from explore" -l duet -d 'play duets'
complete -c scaleup -n "__fish_seen_subcommand_from test" -l file -r -F -d 'the tests file'
complete -c scaleup -n "__fish_seen_subcommand_from map" -l format -x -a "dot svg png" -d 'output format'
complete -c scaleup -n "__fish_seen_subcommand_from map" -l direction -x -a "lr tb" -d 'layout direction'
complete -c scaleup -n "__fish_seen_subcommand_from map" -l output -r -F -d 'output file'
complete -c scaleup -n "__fish_seen_subcommand_from report" -l csv -r -F -d 'rows as CSV'
complete -c scaleup -n "__fish_seen_subcommand_from report" -l scenario -r -F -d 'the scenario of the results'
complete -c scaleup -n "__fish_seen_subcommand_from report" -l json -d 'the analysis as JSON'
complete -c scaleup -n "__fish_seen_subcommand_from report" -l decisions-csv -r -F -d 'one row per decision'
complete -c scaleup -n "__fish_seen_subcommand_from report" -l html -r -F -d 'the debrief page'
complete -c scaleup -n "__fish_seen_subcommand_from report" -l xapi -r -F -d 'xAPI statements'
complete -c scaleup -n "__fish_seen_subcommand_from report" -l xapi-homepage -x -d 'the workshop home page'
complete -c scaleup -n "__fish_seen_subcommand_from report" -l xapi-mbox -d 'name players by mbox'
complete -c scaleup -n "__fish_seen_subcommand_from report" -l xapi-pass -x -d 'ratings that count as success'
complete -c scaleup -n "__fish_seen_subcommand_from report" -l quiet -d 'no table'
complete -c scaleup -n "__fish_seen_subcommand_from host" -l results -r -F -d 'the results folder'
complete -c scaleup -n "__fish_seen_subcommand_from host" -l port -x -d 'the port to listen on'
complete -c scaleup -n "__fish_seen_subcommand_from host" -l bind -x -d 'the IPv4 address to listen on'
complete -c scaleup -n "__fish_seen_subcommand_from host" -l seed -x -d 'every run gets this seed'
complete -c scaleup -n "__fish_seen_subcommand_from host" -l no-coaching -d 'exam mode'
complete -c scaleup -n "__fish_seen_subcommand_from host" -l timers -x -a "on slow off" -d 'timed decisions'
complete -c scaleup -n "__fish_seen_subcommand_from host" -l ready-file -r -F -d 'write the port here'
