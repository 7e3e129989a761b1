interdict_test(service DEPS interdict_service)
