print("painladder")
