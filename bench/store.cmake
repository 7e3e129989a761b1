# Store benchmarks: bench/store_bench.cc -> store_bench.
interdict_bench(store DEPS interdict_store interdict_snapshot)
