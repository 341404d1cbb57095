"""The command line, the only code that prints and returns exit codes.

`main` builds the one `slip` parser and dispatches its subcommands, each defined (arguments once,
messages in Indonesian and English) and run in its own module: `check`, `build` (build and
portal), `serve`, `init`, `new`, `import_apbdes`, `due`, `schemas`. `parser` is the ArgumentParser
that speaks the user's language and raises instead of exiting, `translate` argparse's own messages
in Indonesian, `options` the options several commands share, `places` where commands look when no
path is given (the repository root, the village you stand in, the cache folder). `precommit` is
the pre-commit hook, `progress` the progress line of long runs.
"""
