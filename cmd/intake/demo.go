package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"

	shipped "intake"
	"intake/intake"
)

func demo(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("demo", flag.ContinueOnError)
	fl.SetOutput(stderr)
	configPath := fl.String("config", "", "config file (default ./config.yaml, else built in)")
	out := fl.String("out", "", "write every mail intake sends to this folder as .eml files")
	serve := fl.Bool("serve", false, "keep the servers up after the demo so a mail client can connect")
	verbose := fl.Bool("v", false, "log what the pipeline does")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	cfg, ok := loadConfig(*configPath, stderr)
	if !ok {
		return 2
	}
	mail, err := intake.DemoMail(shipped.Files, shipped.ExampleMail)
	if err != nil {
		fmt.Fprintf(stderr, "intake demo: %v\n", err)
		return 2
	}
	level := slog.LevelWarn
	if *verbose || *serve {
		level = slog.LevelInfo
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))
	good, err := intake.RunDemo(context.Background(), intake.DemoOptions{Config: cfg, Mail: mail, OutDir: *out, Serve: *serve, Out: stdout, Log: log})
	if err != nil {
		fmt.Fprintf(stderr, "intake demo: %v\n", err)
		return 1
	}
	if !good {
		return 1
	}
	return 0
}
