"""Loaders and validators of the data files in resources/: prompt sets, questionnaires,
themes and session options. A broken file gives a clear message naming the file.
"""
