package profiles

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Env is what finding a profile reads from the environment. main fills it
// from the process; tests fill it by hand.
type Env struct {
	// Getenv reads an environment variable.
	Getenv func(string) string
	// Home is the user's home directory.
	Home string
}

// ConfigDir is mutual's directory: $XDG_CONFIG_HOME/mutual, or
// ~/.config/mutual when XDG_CONFIG_HOME is unset, empty or relative (the
// XDG spec says to ignore a relative value). This holds on every Unix,
// macOS included: terminal users expect ~/.config there too.
func ConfigDir(env Env) (string, error) {
	if x := env.Getenv("XDG_CONFIG_HOME"); x != "" && filepath.IsAbs(x) {
		return filepath.Join(x, "mutual"), nil
	}
	if env.Home == "" {
		return "", errors.New("cannot find the home directory to look for ~/.config/mutual; set XDG_CONFIG_HOME or use --profile PATH")
	}
	return filepath.Join(env.Home, ".config", "mutual"), nil
}

// Choice is the profile file mutual will use, and why.
type Choice struct {
	// Path is the file; it may not exist.
	Path string
	// From says where it was chosen: "--profile", "MUTUAL_PROFILE" or
	// "default".
	From string
}

// IsName reports whether a --profile value is a NAME in the config
// directory rather than a path: it has no slash and does not end in .toml.
func IsName(s string) bool {
	return !strings.ContainsRune(s, '/') && !strings.HasSuffix(s, ".toml") && s != "." && s != ".."
}

// Choose picks the profile: --profile, then MUTUAL_PROFILE, then
// profile.toml in the config directory. A NAME means NAME.toml in the
// config directory.
func Choose(flag string, env Env) (Choice, error) {
	for _, c := range []Choice{{flag, "--profile"}, {env.Getenv("MUTUAL_PROFILE"), "MUTUAL_PROFILE"}} {
		if c.Path == "" {
			continue
		}
		if !IsName(c.Path) {
			return c, nil
		}
		dir, err := ConfigDir(env)
		if err != nil {
			return Choice{}, err
		}
		return Choice{Path: filepath.Join(dir, c.Path+".toml"), From: c.From}, nil
	}
	dir, err := ConfigDir(env)
	if err != nil {
		return Choice{}, err
	}
	return Choice{Path: filepath.Join(dir, "profile.toml"), From: "default"}, nil
}

// Exists reports whether the chosen profile is there to read.
func (c Choice) Exists() bool {
	// Lstat: a symlink whose target is gone is there to read, and fails
	// with a message that names the link, rather than quietly falling back
	// to the built-in example.
	_, err := os.Lstat(c.Path)
	return err == nil
}

// NameHint helps with the NAME rule: --profile work.toml names a file in
// the current directory; when there is none but the config directory has
// one, the user most likely meant --profile work. It is "" when there is
// nothing to say.
func (c Choice) NameHint(env Env) string {
	if c.From == "default" || c.Exists() || IsName(c.Path) || filepath.Dir(c.Path) != "." {
		return ""
	}
	dir, err := ConfigDir(env)
	if err != nil {
		return ""
	}
	inConfig := filepath.Join(dir, filepath.Base(c.Path))
	if _, err := os.Stat(inConfig); err != nil {
		return ""
	}
	name := strings.TrimSuffix(filepath.Base(c.Path), ".toml")
	use := "--profile " + name
	if c.From == "MUTUAL_PROFILE" {
		use = "MUTUAL_PROFILE=" + name
	}
	return fmt.Sprintf("%s names a file in this directory; for %s give the name alone: %s", c.Path, inConfig, use)
}

// WriteStarter writes the commented starter profile to path, creating its
// directory (private to the user) when needed. It never overwrites: an
// existing file is an error. The file is private too (0600): salaries and
// savings are nobody else's business.
func WriteStarter(path string) error {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return fmt.Errorf("%s is a directory; name a file inside it, such as %s", path, filepath.Join(path, "profile.toml"))
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("cannot create %s: %w", filepath.Dir(path), unwrapPathError(err))
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s already exists; mutual init never overwrites a profile", path)
	}
	if err != nil {
		return fmt.Errorf("cannot create %s: %w", path, unwrapPathError(err))
	}
	if _, err := f.WriteString(Starter); err != nil {
		f.Close()
		os.Remove(path)
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		os.Remove(path)
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	return f.Close()
}
