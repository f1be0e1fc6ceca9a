"""Vietnamese text, names and phone numbers: the one place the whole platform normalises them."""
