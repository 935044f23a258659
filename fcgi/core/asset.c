/*
 * asset.c — see asset.h.  A handful of files (the stylesheet, the icon,
 * two scripts): a small table, read at start-up, searched linearly.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <sodium.h>

#include "arena.h"
#include "asset.h"
#include "vm.h"

#define ASSET_MAX	64
#define ASSET_HASH	10	/* hex digits of the BLAKE2b of the content */

struct asset {
	const char	*name;		/* sharek.css */
	const char	*key;		/* sharek_css */
	const char	*url;		/* /static/sharek.0123456789.css */
};

static struct asset	 assets[ASSET_MAX];
static int		 nassets;

/* The hash of file path as ASSET_HASH hex digits into hex; -1 when it
 * cannot be read. */
static int
asset_hash(const char *path, char hex[ASSET_HASH + 1])
{
	crypto_generichash_state st;
	unsigned char	 buf[8192], h[16];
	char		 all[2 * sizeof(h) + 1];
	FILE		*f;
	size_t		 n;

	if ((f = fopen(path, "rb")) == NULL)
		return -1;
	crypto_generichash_init(&st, NULL, 0, sizeof(h));
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		crypto_generichash_update(&st, buf, n);
	n = ferror(f);
	fclose(f);
	if (n)
		return -1;
	crypto_generichash_final(&st, h, sizeof(h));
	sodium_bin2hex(all, sizeof(all), h, sizeof(h));
	memcpy(hex, all, ASSET_HASH);
	hex[ASSET_HASH] = '\0';
	return 0;
}

int
asset_load(struct arena *a, const char *dir, char **err)
{
	DIR		*d;
	struct dirent	*de;
	struct stat	 sb;
	const char	*path, *dot;
	char		 hex[ASSET_HASH + 1], *key, *p;

	if ((d = opendir(dir)) == NULL) {
		*err = arena_printf(a, "%s: %s", dir, strerror(errno));
		return -1;
	}
	nassets = 0;
	while ((de = readdir(d)) != NULL && nassets < ASSET_MAX) {
		if (de->d_name[0] == '.')
			continue;
		path = arena_printf(a, "%s/%s", dir, de->d_name);
		if (stat(path, &sb) == -1 || !S_ISREG(sb.st_mode) ||
		    asset_hash(path, hex) == -1)
			continue;
		/* name.HASH.ext; a name without an extension: name.HASH */
		dot = strrchr(de->d_name, '.');
		assets[nassets].name = arena_strdup(a, de->d_name);
		assets[nassets].url = dot != NULL && dot != de->d_name ?
		    arena_printf(a, "/static/%.*s.%s%s",
		    (int)(dot - de->d_name), de->d_name, hex, dot) :
		    arena_printf(a, "/static/%s.%s", de->d_name, hex);
		key = arena_strdup(a, de->d_name);
		for (p = key; *p != '\0'; p++)
			if (*p == '.' || *p == '-')
				*p = '_';
		assets[nassets].key = key;
		nassets++;
	}
	closedir(d);
	return 0;
}

void
asset_model(struct val *m)
{
	struct val	*s = vm_child(m, "static");
	int		 i;

	for (i = 0; i < nassets; i++)
		vm_str(s, assets[i].key, assets[i].url);
}
