"""Classroom: the teacher's tools (layer 7).

* :mod:`~kit.classroom.report` - :func:`class_report`: the class's exports, counted
* :mod:`~kit.classroom.files` - reading the students' CSVs
* :mod:`~kit.classroom.items` - item analysis: discrimination, options chosen, flags
* :mod:`~kit.classroom.patterns` - answer patterns that look like guessing; trivial written attempts
* :mod:`~kit.classroom.html` - the class report as one HTML page
* :mod:`~kit.classroom.course_new` - ``python -m kit course new``
* :mod:`~kit.classroom.course_check` - ``python -m kit course validate``
* :mod:`~kit.classroom.hub_link` - nbgitpuller links
* :mod:`~kit.classroom.inbox` - the class folder on a hub: set-up, check, the latest hand-ins
* :mod:`~kit.classroom.handin` - :func:`hand_in`: a student's work into the inbox, a new version
* :mod:`~kit.classroom.comments` - :func:`comment` (teacher) and :func:`feedback` (student)
* :mod:`~kit.classroom.cli` - the teacher's ``python -m kit`` commands
"""
