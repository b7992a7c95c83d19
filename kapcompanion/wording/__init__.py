"""Words the window, the printout and the command line share: Qt's translation lookup with
%1, %2 filling (`translation`), and the domain's words, written once (`domain`: session and
phase titles, long dates).
"""
