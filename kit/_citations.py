"""Old name of :mod:`kit.citations`, kept so code written against it still imports."""
from .citations import (CITATION_RE, QUOTED_CITATION_RE, check_citations, problems,  # noqa: F401
                        quote_in, resolve, split_ids)
