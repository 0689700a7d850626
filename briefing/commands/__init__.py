"""The ``briefing`` commands: each module registers one subcommand and runs it.

Every command is a thin layer over plain functions (`briefing.pipeline`,
`briefing.deliver`); `options` holds the options several commands share and
`console` the lines they print.
"""

COMMANDS = ("build", "analyze", "summarize", "serve", "daily", "send")
