def process_events_queue(events):
    pass
