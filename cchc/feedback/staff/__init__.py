"""Officers' pages for feedback and petitions (phản ánh, kiến nghị) under ``/can-bo/phan-anh/``:
the worklist, the item page and its actions, the counter intake."""
