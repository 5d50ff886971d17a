"""Display: tables, figures, plots and safe HTML (layer 3: takes DataFrames, knows no analysis).

* :mod:`~kit.display.html` - safe HTML from the kit's Markdown-lite text
* :mod:`~kit.display.tables` - accessible HTML for pandas tables
* :mod:`~kit.display.figures` - text alternatives for figures
* :mod:`~kit.display.plotting` - what every plot shares: style, checks, description (alt text)
* :mod:`~kit.display.plots` - :func:`plot_frequencies`, :func:`plot_keyness`, :func:`plot_dispersion`
* :mod:`~kit.display.heatmaps` - :func:`plot_actors`, :func:`plot_stance`: texts by categories
* :mod:`~kit.display.progress_chart` - a student's best result per question, drawn from a table
"""
