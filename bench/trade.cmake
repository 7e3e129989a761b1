# Shipment screening throughput (issue 6): bench/trade_bench.cc.
interdict_bench(trade DEPS interdict_trade interdict_snapshot)
