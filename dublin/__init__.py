"""The Mini-Dublin Group: country reports, the partners' programme updates and the regional report."""
