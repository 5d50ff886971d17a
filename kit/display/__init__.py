"""Display: tables, figures, plots and safe HTML (layer 3: takes DataFrames, knows no analysis).

* :mod:`~kit.display.html` - safe HTML from the kit's Markdown-lite text
* :mod:`~kit.display.tables` - accessible HTML for pandas tables
* :mod:`~kit.display.figures` - text alternatives for figures
* :mod:`~kit.display.plots` - seaborn plots of the kit's tables, each with a description
"""
