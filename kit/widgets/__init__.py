"""Thin ipywidgets front ends.  Each builder composes pure functions from the kit's
idea modules and returns its widget; nothing here holds logic of its own.

ipywidgets is imported only when a widget is built (``import kit`` stays light).
"""
