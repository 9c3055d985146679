"""Pages of the meetings app, one module per area: meetings, agenda, invitations and RSVP, follow-up."""
