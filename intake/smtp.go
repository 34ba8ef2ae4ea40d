package intake

import (
	"context"
	"fmt"
	"net/mail"
	"slices"
	"strings"
	"time"

	"intake/intake/conf"
	"intake/intake/oauth"
	"intake/mailer"
)

// SMTPConfig is the `smtp:` section of config.yaml: where replies and
// forwards are sent, and the addresses intake writes as.
type SMTPConfig struct {
	Host     string       `yaml:"host"`
	Port     int          `yaml:"port"`     // default 587 (starttls), 465 (tls), 25 (plain)
	Security string       `yaml:"security"` // starttls (default) | tls | plain
	Auth     string       `yaml:"auth"`     // plain (default when a username is set) | login | xoauth2 | none
	Username string       `yaml:"username"`
	Password Secret       `yaml:"password"`
	Token    Secret       `yaml:"token"`
	OAuth    oauth.Config `yaml:"oauth"` // renewed tokens for xoauth2, as for the mailbox
	CAFile   string       `yaml:"ca_file"`
	Timeout  Duration     `yaml:"timeout"` // one connection; default 30s

	// From is the address replies and forwards are written from; Admin is
	// told about failed sends and quarantined mail.
	From  string `yaml:"from"`
	Admin string `yaml:"admin"`
}

func (c *SMTPConfig) setDefaults() {
	if c.Security == "" {
		c.Security = "starttls"
	}
	if c.Port == 0 {
		switch c.Security {
		case "tls":
			c.Port = 465
		case "plain":
			c.Port = 25
		default:
			c.Port = 587
		}
	}
	if c.Auth == "" {
		c.Auth = "none"
		if c.Username != "" {
			c.Auth = "plain"
		}
	}
	if c.Timeout == 0 {
		c.Timeout = Duration(30 * time.Second)
	}
	c.OAuth.SetDefaults("smtp")
}

// fromAddress returns the bare address of From, "" when it does not parse.
func (c *SMTPConfig) fromAddress() string {
	a, err := mail.ParseAddress(c.From)
	if err != nil {
		return ""
	}
	return strings.ToLower(a.Address)
}

func (c *SMTPConfig) validate() []problem {
	var probs []problem
	if c.Host == "" {
		probs = append(probs, problem{"host", "smtp host is empty"})
	}
	if c.Port < 1 || c.Port > 65535 {
		probs = append(probs, problem{"port", "port out of range"})
	}
	if !slices.Contains([]string{"tls", "starttls", "plain"}, c.Security) {
		probs = append(probs, problem{"security", "unknown security " + c.Security + " (hint: tls, starttls or plain)"})
	}
	if c.Security == "plain" && c.Auth != "none" && !conf.IsLoopback(c.Host) {
		probs = append(probs, problem{"security", "security plain with auth " + c.Auth + " would send the credentials unencrypted to " + c.Host + " (hint: starttls or tls, or auth: none for a relay that needs no login)"})
	}
	switch c.Auth {
	case "none":
	case "plain", "login":
		if c.Password.IsZero() {
			probs = append(probs, problem{"password", "auth " + c.Auth + " needs a password (hint: password: {env: NAME} or {file: PATH})"})
		}
	case "xoauth2":
		for _, p := range oauth.BearerProblems(c.Auth, c.Token, &c.OAuth) {
			probs = append(probs, problem{p.Path, p.Msg})
		}
	default:
		probs = append(probs, problem{"auth", "unknown auth " + c.Auth + " (hint: plain, login, xoauth2 or none)"})
	}
	if c.fromAddress() == "" {
		probs = append(probs, problem{"from", "from is not an address (hint: \"License Intake <intake@example.com>\")"})
	}
	if _, err := mail.ParseAddress(c.Admin); err != nil {
		probs = append(probs, problem{"admin", "admin is not an address (hint: the address told about failures)"})
	}
	return probs
}

// Options resolves the secrets and returns the settings of the sender.
// tokens renews the access token of an oauth block before each connection.
func (c *SMTPConfig) Options(tokens *oauth.Tokens) (mailer.SMTPOptions, error) {
	o := mailer.SMTPOptions{Host: c.Host, Port: c.Port, Security: c.Security, Auth: c.Auth, Username: c.Username,
		CAFile: c.CAFile, Timeout: time.Duration(c.Timeout)}
	var err error
	switch c.Auth {
	case "plain", "login":
		o.Password, err = c.Password.Resolve()
	case "xoauth2":
		if !c.OAuth.IsZero() {
			oauth, user := c.OAuth, c.Username
			o.TokenFunc = func(ctx context.Context) (string, error) { return tokens.Token(ctx, oauth, user) }
			break
		}
		o.Token, err = c.Token.Resolve()
	}
	if err != nil {
		return o, fmt.Errorf("smtp credentials: %w", err)
	}
	return o, nil
}
