print("butik")
