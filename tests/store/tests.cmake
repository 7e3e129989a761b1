interdict_test(store DEPS interdict_store interdict_snapshot)
# The store's CLI commands (cli/store_commands.cc), run in-process: store_cli_test.
interdict_test(store/cli DEPS interdict_cli interdict_store)
