"""Mentions: the actors, dates, places and quotations a sentence speaks of."""
