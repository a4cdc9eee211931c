package main

import "errors"

// runDashboard runs the interactive dashboard on a terminal.
func runDashboard(s *session, opts options) error {
	return errors.New("the dashboard is not built yet")
}
