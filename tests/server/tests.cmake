interdict_test(server DEPS interdict_server)
