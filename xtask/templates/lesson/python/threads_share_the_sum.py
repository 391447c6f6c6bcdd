"""Four threads share a sum: each adds up a quarter of 1..1000 into its own
slot of a list, and the main thread adds the slots once it has joined them.
"""
import threading

# ANCHOR: threads_share_the_sum
def add_up(numbers, results, slot):
    results[slot] = sum(numbers)


numbers = list(range(1, 1001))
quarters = [numbers[i:i + 250] for i in range(0, 1000, 250)]
results = [0] * len(quarters)
threads = [
    threading.Thread(target=add_up, args=(quarter, results, slot))
    for slot, quarter in enumerate(quarters)
]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(f"four threads added 1 to 1000 and got {sum(results)}")
# ANCHOR_END: threads_share_the_sum
