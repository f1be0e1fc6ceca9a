"""The demo's words: real guides in Vietnamese with their English translations.

Each piece of text is a pair (Vietnamese, English); cms/demo.py builds the Vietnamese page from
the first item and hands the second to wagtail-localize as the translation of each segment.
"""
